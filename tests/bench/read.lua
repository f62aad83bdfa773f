-- GET /api/v1/zaken/{id} on random zaken, each with a token of a referrer
-- that may see it: wrk ... -s read.lua URL -- PAIRS TOKENS
-- PAIRS: lines "TOKEN-NUMBER ZAAK-ID"; TOKENS: one token per line (numbered from 1).
local pairs_, tokens = {}, {}
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("id", counter)
end

function init(args)
	for line in io.lines(args[2]) do tokens[#tokens + 1] = "Bearer " .. line end
	for line in io.lines(args[1]) do
		local t, z = line:match("^(%d+) (%S+)$")
		pairs_[#pairs_ + 1] = { tonumber(t), "/api/v1/zaken/" .. z }
	end
	math.randomseed(os.time() * 100 + id)
end

request = function()
	local p = pairs_[math.random(#pairs_)]
	return wrk.format("GET", p[2], { ["Authorization"] = tokens[p[1]] })
end
