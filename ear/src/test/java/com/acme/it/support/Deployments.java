package com.acme.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build produced, as every integration test deploys it. */
public final class Deployments {

  private Deployments() {}

  public static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ItConfig.ear().toFile());
  }
}
