-- bench/http: wrk's summary as key=value lines (latencies in ms), read by the script.
-- With arguments it also rotates over ids: wrk ... URL -- IDS_FILE PATH_FORMAT [METHOD BODY]
--   IDS_FILE     one contact id per line
--   PATH_FORMAT  e.g. /contacts/%d or /contacts/%d/touches
--   METHOD BODY  e.g. POST kind=coffee (sent as a form; headers such as the cookie come from -H)
local counter = 0
local threads = {}

function setup(thread)
   thread:set("index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local ids = nil
local position = 1
local format = nil

function init(args)
   if args[1] == nil then
      return
   end
   ids = {}
   for line in io.lines(args[1]) do
      if line:match("^%d+$") then
         table.insert(ids, tonumber(line))
      end
   end
   format = args[2]
   if args[3] ~= nil then
      wrk.method = args[3]
      wrk.body = args[4] or ""
      wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   end
   -- Threads start far apart in the list, so they do not touch the same contacts at the same time.
   position = 1 + (index * math.floor(#ids / 2)) % #ids
end

function request()
   if ids == nil then
      return wrk.format()
   end
   local id = ids[position]
   position = position % #ids + 1
   return wrk.format(nil, string.format(format, id))
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format("wrk.requests=%d\n", summary.requests))
   io.write(string.format("wrk.seconds=%.2f\n", seconds))
   io.write(string.format("wrk.rps=%.1f\n", summary.requests / seconds))
   io.write(string.format("wrk.p50_ms=%.2f\n", latency:percentile(50) / 1000))
   io.write(string.format("wrk.p90_ms=%.2f\n", latency:percentile(90) / 1000))
   io.write(string.format("wrk.p99_ms=%.2f\n", latency:percentile(99) / 1000))
   io.write(string.format("wrk.max_ms=%.2f\n", latency.max / 1000))
   io.write(string.format("wrk.bytes_per_request=%.0f\n", summary.requests > 0 and summary.bytes / summary.requests or 0))
   io.write(string.format("wrk.non2xx3xx=%d\n", e.status))
   io.write(string.format("wrk.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
end
