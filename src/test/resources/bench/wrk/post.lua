-- wrk script: POSTs the JSON body read from the file given as first argument; the optional second argument is a
-- bearer token. Usage: wrk ... -s post.lua URL -- body.json [token]
local body, token

function init(args)
  local f = assert(io.open(args[1], "r"))
  body = f:read("*a")
  f:close()
  token = args[2]
end

function request()
  local headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", nil, headers, body)
end
