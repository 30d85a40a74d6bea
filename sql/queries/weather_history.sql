-- Stored hourly weather (weather_hours, newest reading per hour) of every tenant and region, the uplift model's
-- training data. Params: since_days UInt32 (history length).
SELECT
    tenant,
    region,
    toUnixTimestamp64Milli(hour) AS hour_ms,
    precipitation,
    temperature,
    wind_speed,
    wind_gusts,
    weather_code
FROM weather_hours FINAL
WHERE hour >= now64(3) - toIntervalDay({since_days:UInt32})
ORDER BY tenant, region, hour
