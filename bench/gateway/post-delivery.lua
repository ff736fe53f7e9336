-- wrk script: POSTs the Azure DevOps edit-command fixture, dated at the start of the run, to /webhook/ado
-- with a fresh comment id per request (so every delivery is a new command with its own idempotency key)
-- and the shared secret header.
-- Environment: FIXTURE (path of pr-comment-edit-command.json), WEBHOOK_SECRET, ID_BASE (digits that make
-- the comment ids of this wrk run differ from every earlier run's, so a real orchestrator sees new commands),
-- PACE_MS (optional: each connection waits this long after an answer before its next request, to offer a
-- steady load below saturation; unset or 0 = as fast as the answers come), RATE and THREADS (optional,
-- instead of PACE_MS: requests per second in all, spread over wrk's THREADS threads, each sending on a
-- fixed schedule — a request is due every THREADS / RATE seconds per thread and goes out on the first free
-- connection at or after that time; a thread more than a second behind its schedule drops the missed slots
-- rather than bursting to catch up). Latency counts from when a request is sent, as always with wrk.

local counter = 0
local pace = tonumber(os.getenv("PACE_MS") or "0")
local rate = tonumber(os.getenv("RATE") or "0")
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } codeagent_timespec;
    int clock_gettime(int clock, codeagent_timespec *ts);
  ]]
  local CLOCK_MONOTONIC = 1
  local ts = ffi.new("codeagent_timespec")
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval_ms = tonumber(os.getenv("THREADS") or "1") * 1000 / rate
  local due
  -- Defined only when pacing: wrk calls delay() before every request once it exists.
  function delay()
    local now = now_ms()
    if due == nil or due < now - 1000 then
      due = now
    end
    due = due + interval_ms
    return math.max(0, math.floor(due - now + 0.5))
  end
elseif pace > 0 then
  function delay()
    return pace
  end
end
local prefix, suffix
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("FIXTURE"), "rb"))
  local body = file:read("*a")
  file:close()
  -- Dated now, as Azure DevOps would send it: the gateway refuses deliveries older than CODEAGENT_WEBHOOK_MAX_AGE.
  local dated
  body, dated = body:gsub('"createdDate"%s*:%s*"[^"]*"', '"createdDate": "' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '"')
  assert(dated == 1, "createdDate not found in fixture")
  -- Split the fixture around the comment id ("id": 1 right after "comment": {).
  local s, e = body:find('"comment": {%s*"id": 1,')
  assert(s, "comment id not found in fixture")
  local head = body:sub(1, e)
  local id_start = head:find('"id": 1,$')
  prefix = body:sub(1, id_start - 1) .. '"id": '
  suffix = body:sub(e)  -- starts with the comma after the id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json; charset=utf-8"
  wrk.headers["X-CodeAgent-Secret"] = os.getenv("WEBHOOK_SECRET")
  id_base = os.getenv("ID_BASE") or "1"
end

function request()
  counter = counter + 1
  -- Unique across runs and threads: run base, thread number, counter (at most 18 digits in all).
  local id = id_base .. string.format("%02d%09d", tid, counter)
  return wrk.format(nil, "/webhook/ado", nil, prefix .. id .. suffix)
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
