// quarry/lexicon/units.hpp: units of measure the quantity extractor knows. Each unit has the words
// and abbreviations that name it, a short code (the quantity's `unit`), a kind, and its factor (and
// for temperatures its offset) into the kind's SI base unit, so a value can also be given in SI.
// Currencies are in lexicon/currencies.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "quarry/lexicon/currencies.hpp"

namespace quarry {
inline namespace v0 {

enum class unit_kind : std::uint8_t { length, area, mass, volume, temperature, speed, energy, power, data,
                                      time, percent, money, other };

struct unit_def {
  std::string_view code;   // the quantity's unit: "km", "kg", "year", "percent"
  unit_kind kind;
  std::string_view words;  // space-separated lower-case words naming it, singular and plural
  double si = 0;           // base units per unit (0: none, as for a temperature of unknown scale)
  double si_offset = 0;    // added after the factor (temperatures into kelvin)
};

// Word units: matched as the token right after a number ("3,200 miles"). Single letters that are
// also ordinary words ("m", "g", "l") only count when fused to digits ("10m") or before a comma or
// full stop; see fused_units. Months are 1/12 of a Gregorian year, years 365.2425 days.
inline constexpr std::array<unit_def, 67> units = {{
    {"mi", unit_kind::length, "mile miles mi", 1609.344},
    {"km", unit_kind::length, "km kms kilometre kilometres kilometer kilometers", 1000},
    {"m", unit_kind::length, "metre metres meter meters", 1},
    {"cm", unit_kind::length, "cm cms centimetre centimetres centimeter centimeters", 0.01},
    {"mm", unit_kind::length, "mm millimetre millimetres millimeter millimeters", 0.001},
    {"ft", unit_kind::length, "ft foot feet", 0.3048},
    {"in", unit_kind::length, "inch inches", 0.0254},
    {"yd", unit_kind::length, "yard yards yd yds", 0.9144},
    {"nmi", unit_kind::length, "nm", 1852},
    {"ha", unit_kind::area, "hectare hectares ha", 1e4},
    {"acre", unit_kind::area, "acre acres", 4046.8564224},
    {"km2", unit_kind::area, "km2 km²", 1e6},
    {"m2", unit_kind::area, "m2 m² sqm", 1},
    {"sqmi", unit_kind::area, "sqmi", 2589988.110336},
    {"sqft", unit_kind::area, "sqft", 0.09290304},
    {"kg", unit_kind::mass, "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos k.g. k.gs", 1},
    {"g", unit_kind::mass, "gram grams gramme grammes gs", 0.001},
    {"mg", unit_kind::mass, "mg milligram milligrams", 1e-6},
    {"t", unit_kind::mass, "tonne tonnes ton tons", 1000},
    {"lb", unit_kind::mass, "lb lbs", 0.45359237},
    {"oz", unit_kind::mass, "ounce ounces oz", 0.028349523125},
    {"ct", unit_kind::mass, "carat carats", 0.0002},
    {"l", unit_kind::volume, "litre litres liter liters ltr ltrs", 0.001},
    {"ml", unit_kind::volume, "ml mls millilitre millilitres milliliter milliliters", 1e-6},
    {"cl", unit_kind::volume, "cl centilitre centilitres centiliter centiliters", 1e-5},
    {"hl", unit_kind::volume, "hl hectolitre hectolitres hectoliter hectoliters", 0.1},
    {"gal", unit_kind::volume, "gallon gallons gal gals", 0.003785411784},
    {"bbl", unit_kind::volume, "barrel barrels bbl", 0.158987294928},
    {"cup", unit_kind::volume, "cup cups", 0.0002365882365},
    {"tbsp", unit_kind::volume, "tbsp tablespoon tablespoons", 1.478676478125e-5},
    {"tsp", unit_kind::volume, "tsp teaspoon teaspoons", 4.92892159375e-6},
    {"pt", unit_kind::volume, "pint pints", 0.000473176473},
    {"qt", unit_kind::volume, "quart quarts", 0.000946352946},
    {"m3", unit_kind::volume, "m3 m³", 1},
    {"bpd", unit_kind::other, "bpd"},
    {"deg", unit_kind::temperature, "degree degrees deg"},
    {"degC", unit_kind::temperature, "celsius centigrade", 1, 273.15},
    {"degF", unit_kind::temperature, "fahrenheit", 5.0 / 9, 459.67 * 5 / 9},
    {"K", unit_kind::temperature, "kelvin kelvins", 1},
    {"mph", unit_kind::speed, "mph", 0.44704},
    {"km/h", unit_kind::speed, "kph kmh km/h", 1 / 3.6},
    {"kn", unit_kind::speed, "knot knots", 1852 / 3600.0},
    {"W", unit_kind::power, "watt watts", 1},
    {"kW", unit_kind::power, "kw kilowatt kilowatts", 1e3},
    {"MW", unit_kind::power, "mw megawatt megawatts", 1e6},
    {"GW", unit_kind::power, "gw gigawatt gigawatts", 1e9},
    {"kWh", unit_kind::energy, "kwh", 3.6e6},
    {"MWh", unit_kind::energy, "mwh", 3.6e9},
    {"GWh", unit_kind::energy, "gwh", 3.6e12},
    {"TWh", unit_kind::energy, "twh", 3.6e15},
    {"V", unit_kind::other, "volt volts"},
    {"GB", unit_kind::data, "gb gigabyte gigabytes", 1e9},
    {"TB", unit_kind::data, "tb terabyte terabytes", 1e12},
    {"MB", unit_kind::data, "megabyte megabytes", 1e6},
    {"s", unit_kind::time, "second seconds sec secs", 1},
    {"min", unit_kind::time, "minute minutes min mins", 60},
    {"h", unit_kind::time, "hour hours hr hrs", 3600},
    {"day", unit_kind::time, "day days", 86400},
    {"week", unit_kind::time, "week weeks", 604800},
    {"fortnight", unit_kind::time, "fortnight fortnights", 1209600},
    {"month", unit_kind::time, "month months", 2629746},
    {"quarter", unit_kind::time, "", 7889238},
    {"year", unit_kind::time, "year years yr yrs", 31556952},
    {"decade", unit_kind::time, "decade decades", 315569520},
    {"century", unit_kind::time, "century centuries", 3155695200},
    {"ft3", unit_kind::volume, "", 0.028316846592},
    {"kcal", unit_kind::energy, "kcal kilocalorie kilocalories", 4184},
}};

// Suffixes fused to digits in one token ("30ft", "10m", "5km", "-5C", "24h"): suffix -> unit code.
// "m" is metres here; the extractor reads it as million when money or a counted noun says so.
struct fused_unit {
  std::string_view suffix;  // exact case matters for C/F (temperatures)
  std::string_view code;
  unit_kind kind;
};
inline constexpr std::array<fused_unit, 45> fused_units = {{
    {"ft", "ft", unit_kind::length},   {"m", "m", unit_kind::length},     {"km", "km", unit_kind::length},
    {"cm", "cm", unit_kind::length},   {"mm", "mm", unit_kind::length},   {"mi", "mi", unit_kind::length},
    {"in", "in", unit_kind::length},   {"kg", "kg", unit_kind::mass},     {"g", "g", unit_kind::mass},
    {"mg", "mg", unit_kind::mass},     {"lb", "lb", unit_kind::mass},     {"lbs", "lb", unit_kind::mass},
    {"oz", "oz", unit_kind::mass},     {"t", "t", unit_kind::mass},       {"l", "l", unit_kind::volume},
    {"ml", "ml", unit_kind::volume},   {"mls", "ml", unit_kind::volume},  {"cl", "cl", unit_kind::volume},
    {"hl", "hl", unit_kind::volume},   {"gal", "gal", unit_kind::volume}, {"gals", "gal", unit_kind::volume},
    {"ltr", "l", unit_kind::volume},   {"C", "degC", unit_kind::temperature},
    {"F", "degF", unit_kind::temperature}, {"mph", "mph", unit_kind::speed},
    {"kph", "km/h", unit_kind::speed}, {"kmh", "km/h", unit_kind::speed},
    {"kW", "kW", unit_kind::power},    {"MW", "MW", unit_kind::power},    {"GW", "GW", unit_kind::power},
    {"kWh", "kWh", unit_kind::energy}, {"GB", "GB", unit_kind::data},     {"TB", "TB", unit_kind::data},
    {"h", "h", unit_kind::time},       {"hr", "h", unit_kind::time},      {"hrs", "h", unit_kind::time},
    {"min", "min", unit_kind::time},   {"mins", "min", unit_kind::time},  {"sec", "s", unit_kind::time},
    {"secs", "s", unit_kind::time},    {"km2", "km2", unit_kind::area},   {"m2", "m2", unit_kind::area},
    {"sqm", "m2", unit_kind::area},    {"bbl", "bbl", unit_kind::volume}, {"yd", "yd", unit_kind::length},
}};

// The index into units of a code, -1 when the code is none of them.
[[nodiscard]] constexpr int unit_index(std::string_view code) noexcept {
  for (std::size_t u = 0; u < units.size(); ++u)
    if (units[u].code == code) return static_cast<int>(u);
  return -1;
}

// The SI base unit a kind converts into; empty for kinds with none.
[[nodiscard]] constexpr std::string_view si_unit_of(unit_kind k) noexcept {
  switch (k) {
    case unit_kind::length: return "m";
    case unit_kind::area: return "m2";
    case unit_kind::mass: return "kg";
    case unit_kind::volume: return "m3";
    case unit_kind::temperature: return "K";
    case unit_kind::speed: return "m/s";
    case unit_kind::energy: return "J";
    case unit_kind::power: return "W";
    case unit_kind::data: return "B";
    case unit_kind::time: return "s";
    default: return {};
  }
}

// A value in a unit, converted into the unit's SI base unit.
struct si_amount {
  double value = 0;
  std::string_view unit;
};

// The value in the SI base unit of code's kind; none for counts, money, percentages and units
// without a fixed factor ("deg" of an unknown scale, "bpd").
[[nodiscard]] constexpr std::optional<si_amount> to_si(std::string_view code, double value) noexcept {
  const int u = unit_index(code);
  if (u < 0 || units[static_cast<std::size_t>(u)].si == 0) return std::nullopt;
  const unit_def& d = units[static_cast<std::size_t>(u)];
  const std::string_view base = si_unit_of(d.kind);
  if (base.empty()) return std::nullopt;
  return si_amount{value * d.si + d.si_offset, base};
}

}  // namespace v0
}  // namespace quarry
