/**
 * Deterministic synthetic weather and volume with a KNOWN weather effect, for
 * testing the uplift model and demos: volume = calendar forecast ×
 * (1 + effectPer10mm)^(rain/10), Poisson noise; heat and wind have no effect.
 */
import { Random } from '../../kits/sim/index.js';
export function syntheticWeatherHistory(opts = {}) {
    const { region = 'north', days = 120, effectPer10mm = 0.3, peak = 200, seed = 5 } = opts;
    const start = opts.start ?? Date.UTC(2024, 5, 1) / 60_000;
    const rng = Random.minstd(seed);
    const rows = [];
    let rainLeft = 0;
    let intensity = 0;
    for (let h = 0; h < days * 24; h++) {
        if (rainLeft === 0 && rng.next() < 0.03)
            [rainLeft, intensity] = [2 + Math.floor(rng.next() * 6), 1 + rng.next() * 24];
        const rain = rainLeft > 0 ? intensity * (0.6 + 0.8 * rng.next()) : 0;
        rainLeft = Math.max(0, rainLeft - 1);
        const hour = h % 24;
        const weather = {
            time: start + h * 60,
            precipitation: rain,
            temperature: 22 + 10 * Math.sin((Math.PI * (hour - 8)) / 12) + 4 * rng.next(),
            windSpeed: 10 + 20 * rng.next(),
            windGusts: 20 + 50 * rng.next(),
            weatherCode: rain > 0 ? 63 : 1, // rain showers; no thunderstorm flag, so rain alone explains the effect
        };
        const open = hour >= 8 && hour < 20;
        const forecast = open ? peak * (0.5 + 0.5 * Math.sin((Math.PI * (hour - 8)) / 12)) : 0;
        const actual = rng.poisson(forecast * (1 + effectPer10mm) ** (rain / 10));
        rows.push({ region, actual, forecast, weather });
    }
    return rows;
}
//# sourceMappingURL=synthetic.js.map