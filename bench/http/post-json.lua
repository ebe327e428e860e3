-- wrk script: POST the JSON body in BODY with the bearer token in TOKEN (both from the
-- environment), so that every request is the same authenticated API call.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
