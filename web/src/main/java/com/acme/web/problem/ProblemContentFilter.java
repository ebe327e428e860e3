package com.acme.web.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error answer of the API is a {@link Problem}: the OpenAPI document says so once, here, for
 * each 4xx and 5xx response an operation describes without content of its own (the resources'
 * annotations give only the status and when it happens).
 */
public class ProblemContentFilter implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return operation;
    }
    for (Map.Entry<String, APIResponse> answer :
        operation.getResponses().getAPIResponses().entrySet()) {
      APIResponse response = answer.getValue();
      if (isError(answer.getKey()) && response.getRef() == null && response.getContent() == null) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
      }
    }
    return operation;
  }

  private static boolean isError(String status) {
    return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
  }
}
