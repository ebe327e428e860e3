/**
 * Why a request was refused before a resource ran: the body size limit, strict JSON, parameter
 * conversion and text rules, Bean Validation, missing or refused credentials, JAX-RS's own 404,
 * 405, 406 and 415, and the servlet container's errors. Each refusal is a problem of {@code
 * com.acme.web.problem}.
 */
package com.acme.web.request;
