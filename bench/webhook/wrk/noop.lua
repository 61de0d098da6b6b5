-- wrk script: the same body to the app's no-op webhook, the baseline for webhook.lua.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = "sha256=00"
wrk.body = '{"object":"whatsapp_business_account","entry":[{"id":"880480571844883","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100001","phone_number_id":"100000000000001"},"contacts":[{"profile":{"name":"Bench"},"wa_id":"910000000001"}],"messages":[{"from":"910000000001","id":"wamid.noop","timestamp":"1763800000","type":"text","text":{"body":"2 butter chicken and 3 garlic naan"}}]}}]}]}'
