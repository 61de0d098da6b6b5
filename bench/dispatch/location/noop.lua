-- wrk script: the baseline for location.lua, a body of the same size to the app's no-op endpoint
-- (TIFFIN_BENCH_NOOP=true), which reads it and answers without doing anything else.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = "sha256=00"
wrk.body = '{"lat":12.975600,"lng":77.605000,"accuracy":12}'
