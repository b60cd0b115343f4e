-- wrk script of bench/orders/run.sh.
-- ORDERS_BENCH_MODE=place: every request is a new POST /orders without an Idempotency-Key (so each one places an order),
-- of the shape the raw side writes (Ceiling/Program.cs, class Shape): a guest out of 1,000, three consecutive menu items
-- out of the 40 seeded ("Item 00" to "Item 39", price 2.50 + i, no stock counter: orders never run out), quantities 1 to
-- 3, the menu's prices. Otherwise wrk's own static request (GET of the URL).
-- ORDERS_BENCH_OUT=<file>: at the end, "requests duration_us errors" and then the latency histogram, one
-- "microseconds count" a line, so that run.sh can merge slices exactly.
local mode = os.getenv("ORDERS_BENCH_MODE")
local out = os.getenv("ORDERS_BENCH_OUT")
local products, lines_per_order, guests = 40, 3, 1000

if mode == "place" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"

  function init(args)
    -- Each wrk thread has its own Lua state; a seed per thread keeps their sequences apart.
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  end

  function request()
    local guest = string.format("guest-%04d", math.random(0, guests - 1))
    local first = math.random(0, products - 1)
    local lines = {}
    for k = 0, lines_per_order - 1 do
      local p = (first + k) % products
      lines[#lines + 1] = string.format('{"product_name":"Item %02d","quantity":%d,"unit_price":%.2f}', p, math.random(1, 3), 2.5 + p)
    end
    local body = string.format('{"guest_id":"%s","pickup_name":"Guest %s","lines":[%s]}', guest, guest:sub(-4), table.concat(lines, ","))
    return wrk.format(nil, nil, nil, body)
  end
end

function done(summary, latency, requests)
  if not out then return end
  local e = summary.errors
  local f = assert(io.open(out, "w"))
  f:write(string.format("%d %d %d\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout))
  for i = 1, #latency do
    local us, count = latency(i)
    f:write(string.format("%d %d\n", us, count))
  end
  f:close()
end
