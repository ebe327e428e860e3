/**
 * The answer to every failed request: an RFC 9457 problem ({@link com.acme.web.problem.Problem}),
 * the problems shared by several causes (a status of the container, a busy database, an unreadable
 * or too large body) and the last resort, which logs an incident and never shows internals.
 */
package com.acme.web.problem;
