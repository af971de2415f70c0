-- wrk script: GETs a path template with "{id}" replaced by ids read from a file (one per line), each thread
-- walking the list from its own starting point. Usage: wrk ... -s get-ids.lua URL -- ids.txt /api/v1/jobs/{id} [token]
local ids, template, token, index
local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  ids = {}
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  template = args[2]
  token = args[3]
  index = (thread_number or 0) * math.floor(#ids / 2)
end

function request()
  index = index + 1
  local id = ids[(index % #ids) + 1]
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", (template:gsub("{id}", id)), headers)
end
