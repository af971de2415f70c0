-- wrk script: POSTs the JSON body read from the file given as first argument; the optional second argument is a
-- bearer token. Every "{n}" in the body becomes a number no other request of the run (nor of an earlier run) sends,
-- so each submission is a new article. Usage: wrk ... -s post.lua URL -- body.json [token]
local body, token, prefix
local sent = 0
local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local f = assert(io.open(args[1], "r"))
  body = f:read("*a")
  f:close()
  token = args[2]
  prefix = string.format("%d-%d-", os.time(), thread_number or 0)
end

function request()
  local headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  sent = sent + 1
  return wrk.format("POST", nil, headers, (body:gsub("{n}", prefix .. sent)))
end
