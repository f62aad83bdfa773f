-- POST /api/v1/verwijzingen, each request a new family (BSNs counted up from
-- BASE, passing the 11-proef) and a fresh Idempotency-Key, so that every
-- request is validated and stored, none replayed:
--   wrk ... -s post.lua -H "Authorization: Bearer ..." URL -- BASE
-- One family's creates would wait for each other (the gezin is found under a
-- lock per BSN); a stream of different families does not.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads, n = 0, 0

function setup(thread)
	threads = threads + 1
	thread:set("nr", threads)
end

function init(args)
	n = tonumber(args[1] or "600000000") + nr * 10000000
end

local function next_bsn()
	while true do
		n = n + 1
		local s, sum = tostring(n), 0
		for i = 1, 8 do sum = sum + (10 - i) * tonumber(s:sub(i, i)) end
		if (sum - tonumber(s:sub(9, 9))) % 11 == 0 then return s end
	end
end

request = function()
	local kind, parent = next_bsn(), next_bsn()
	-- wrk.format takes these headers instead of wrk.headers (-H), not besides.
	local h = { ["Idempotency-Key"] = "bench-" .. kind }
	for k, v in pairs(wrk.headers) do h[k] = v end
	return wrk.format(nil, nil, h,
		'{"jeugdige": {"bsn": "' .. kind .. '", "geboortedatum": "2014-05-01", "naam": "Sam de Vries"}, ' ..
		'"gezaghebbenden": [{"bsn": "' .. parent .. '", "naam": "Anna de Vries", "gemeente": "0301"}], ' ..
		'"hulpvraag": "vrije tekst", "spoed": false}')
end
