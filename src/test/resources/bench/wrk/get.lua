-- wrk script: GETs the URL with the bearer token given as the first argument, as every API call carries one.
-- Usage: wrk ... -s get.lua URL -- token
local token

function init(args)
  token = args[1]
end

function request()
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", nil, headers, nil)
end
