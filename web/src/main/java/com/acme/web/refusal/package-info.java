/**
 * The billing and flags modules' refusals (unknown plan, usage past the limit, checkout that does
 * not fit the account, a stale flag version, ...) as problems: the one place where a domain
 * exception gets its status code and problem type.
 */
package com.acme.web.refusal;
