-- The engine clause of some tables of the current database as system.tables prints it: partitioning, order, TTL,
-- settings (warehouse/retention.ts compares the TTL in force with the one the settings ask for).
-- Params: names Array(String), the table names.
SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN {names:Array(String)}
