-- wrk script: GET with the bearer token in TOKEN (from the environment).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
