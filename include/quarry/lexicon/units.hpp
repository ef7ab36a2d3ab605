// quarry/lexicon/units.hpp: units of measure and currencies the quantity extractor knows.
// Each unit has the words and abbreviations that name it, a short code (the quantity's `unit`) and
// a kind; each currency has its ISO 4217 code, the symbols and prefixes that mark it ("£", "A$",
// "RM") and the plural name a reader would give it ("pounds"), used as the counted object of money.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace quarry {
inline namespace v0 {

enum class unit_kind : std::uint8_t { length, area, mass, volume, temperature, speed, energy, data,
                                      time, percent, money, other };

struct unit_def {
  std::string_view code;   // the quantity's unit: "km", "kg", "year", "percent"
  unit_kind kind;
  std::string_view words;  // space-separated lower-case words naming it, singular and plural
};

// Word units: matched as the token right after a number ("3,200 miles"). Single letters that are
// also ordinary words ("m", "g", "l") only count when fused to digits ("10m"); see fused_units.
inline constexpr std::array<unit_def, 48> units = {{
    {"mi", unit_kind::length, "mile miles mi"},
    {"km", unit_kind::length, "km kms kilometre kilometres kilometer kilometers"},
    {"m", unit_kind::length, "metre metres meter meters"},
    {"cm", unit_kind::length, "cm centimetre centimetres centimeter centimeters"},
    {"mm", unit_kind::length, "mm millimetre millimetres millimeter millimeters"},
    {"ft", unit_kind::length, "ft foot feet"},
    {"in", unit_kind::length, "inch inches"},
    {"yd", unit_kind::length, "yard yards yd yds"},
    {"nmi", unit_kind::length, "nm"},
    {"ha", unit_kind::area, "hectare hectares ha"},
    {"acre", unit_kind::area, "acre acres"},
    {"kg", unit_kind::mass, "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos"},
    {"g", unit_kind::mass, "gram grams gramme grammes"},
    {"mg", unit_kind::mass, "mg milligram milligrams"},
    {"t", unit_kind::mass, "tonne tonnes ton tons"},
    {"lb", unit_kind::mass, "lb lbs"},
    {"oz", unit_kind::mass, "ounce ounces oz"},
    {"ct", unit_kind::mass, "carat carats"},
    {"l", unit_kind::volume, "litre litres liter liters"},
    {"ml", unit_kind::volume, "ml millilitre millilitres milliliter milliliters"},
    {"gal", unit_kind::volume, "gallon gallons"},
    {"bbl", unit_kind::volume, "barrel barrels bbl"},
    {"bpd", unit_kind::volume, "bpd"},
    {"deg", unit_kind::temperature, "degree degrees"},
    {"mph", unit_kind::speed, "mph"},
    {"km/h", unit_kind::speed, "kph kmh km/h"},
    {"kn", unit_kind::speed, "knot knots"},
    {"W", unit_kind::energy, "watt watts"},
    {"kW", unit_kind::energy, "kw kilowatt kilowatts"},
    {"MW", unit_kind::energy, "mw megawatt megawatts"},
    {"GW", unit_kind::energy, "gw gigawatt gigawatts"},
    {"kWh", unit_kind::energy, "kwh"},
    {"MWh", unit_kind::energy, "mwh"},
    {"GWh", unit_kind::energy, "gwh"},
    {"TWh", unit_kind::energy, "twh"},
    {"V", unit_kind::energy, "volt volts"},
    {"GB", unit_kind::data, "gb gigabyte gigabytes"},
    {"TB", unit_kind::data, "tb terabyte terabytes"},
    {"MB", unit_kind::data, "megabyte megabytes"},
    {"s", unit_kind::time, "second seconds sec secs"},
    {"min", unit_kind::time, "minute minutes mins"},
    {"h", unit_kind::time, "hour hours hr hrs"},
    {"day", unit_kind::time, "day days"},
    {"week", unit_kind::time, "week weeks fortnight fortnights"},
    {"month", unit_kind::time, "month months"},
    {"year", unit_kind::time, "year years yr yrs"},
    {"decade", unit_kind::time, "decade decades"},
    {"century", unit_kind::time, "century centuries"},
}};

// Suffixes fused to digits in one token ("30ft", "10m", "5km", "-5C", "24h"): suffix -> unit code.
// "m" is metres here; the extractor reads it as million when money or a counted noun says so.
struct fused_unit {
  std::string_view suffix;  // exact case matters for C/F (temperatures)
  std::string_view code;
  unit_kind kind;
};
inline constexpr std::array<fused_unit, 31> fused_units = {{
    {"ft", "ft", unit_kind::length},   {"m", "m", unit_kind::length},     {"km", "km", unit_kind::length},
    {"cm", "cm", unit_kind::length},   {"mm", "mm", unit_kind::length},   {"mi", "mi", unit_kind::length},
    {"in", "in", unit_kind::length},   {"kg", "kg", unit_kind::mass},     {"g", "g", unit_kind::mass},
    {"mg", "mg", unit_kind::mass},     {"lb", "lb", unit_kind::mass},     {"lbs", "lb", unit_kind::mass},
    {"oz", "oz", unit_kind::mass},     {"t", "t", unit_kind::mass},       {"l", "l", unit_kind::volume},
    {"ml", "ml", unit_kind::volume},   {"C", "degC", unit_kind::temperature},
    {"F", "degF", unit_kind::temperature}, {"mph", "mph", unit_kind::speed},
    {"kph", "km/h", unit_kind::speed}, {"kmh", "km/h", unit_kind::speed},
    {"kW", "kW", unit_kind::energy},   {"MW", "MW", unit_kind::energy},   {"GW", "GW", unit_kind::energy},
    {"kWh", "kWh", unit_kind::energy}, {"GB", "GB", unit_kind::data},     {"TB", "TB", unit_kind::data},
    {"h", "h", unit_kind::time},       {"hr", "h", unit_kind::time},      {"hrs", "h", unit_kind::time},
    {"min", "min", unit_kind::time},
}};

struct currency_def {
  std::string_view code;     // ISO 4217
  std::string_view name;     // plural name, the counted object of money written with a symbol
  std::string_view words;    // lower-case words naming it after a number ("300 euros")
  std::string_view prefixes; // space-separated symbols or letter prefixes written before the number
};

inline constexpr std::array<currency_def, 40> currencies = {{
    {"USD", "dollars", "dollar dollars usd", "$ US$ USD U.S.$"},
    {"GBP", "pounds", "pound pounds sterling gbp quid", "£ GBP"},
    {"EUR", "euros", "euro euros eur", "€ EUR"},
    {"JPY", "yen", "yen jpy", "¥ JPY"},
    {"CNY", "yuan", "yuan renminbi rmb cny", "CNY RMB"},
    {"INR", "rupees", "rupee rupees inr", "₹ Rs Rs. INR"},
    {"AUD", "dollars", "aud", "A$ AU$ AUD"},
    {"CAD", "dollars", "cad", "C$ CA$ CAD"},
    {"NZD", "dollars", "nzd", "NZ$ NZD"},
    {"HKD", "dollars", "hkd", "HK$ HKD"},
    {"SGD", "dollars", "sgd", "S$ SGD"},
    {"MYR", "ringgit", "ringgit myr", "RM MYR"},
    {"IDR", "rupiah", "rupiah idr", "Rp IDR"},
    {"PHP", "pesos", "php", "₱ PHP"},
    {"MXN", "pesos", "peso pesos mxn", "Mex$ MXN"},
    {"BRL", "reais", "reais brl", "R$ BRL"},
    {"ZAR", "rand", "rand zar", "ZAR"},
    {"CHF", "francs", "franc francs chf", "CHF Fr."},
    {"RUB", "roubles", "rouble roubles ruble rubles rub", "₽ RUB"},
    {"TRY", "lira", "lira lire", "₺ TL"},
    {"NGN", "naira", "naira ngn", "₦ NGN"},
    {"KES", "shillings", "shilling shillings kes", "KSh KES"},
    {"ILS", "shekels", "shekel shekels ils nis", "₪ NIS ILS"},
    {"AED", "dirhams", "dirham dirhams aed", "AED Dh"},
    {"SAR", "riyals", "riyal riyals sar", "SAR SR"},
    {"THB", "baht", "baht thb", "฿ THB"},
    {"VND", "dong", "dong vnd", "₫ VND"},
    {"KRW", "won", "won krw", "₩ KRW"},
    {"PKR", "rupees", "pkr", "PKR"},
    {"BDT", "taka", "taka bdt", "Tk BDT ৳"},
    {"EGP", "pounds", "egp", "E£ EGP"},
    {"SEK", "kronor", "krona kronor sek", "SEK"},
    {"NOK", "kroner", "krone kroner nok", "NOK"},
    {"DKK", "kroner", "dkk", "DKK"},
    {"PLN", "zlotys", "zloty zlotys zlotys pln", "PLN"},
    {"UAH", "hryvnias", "hryvnia hryvnias uah", "₴ UAH"},
    {"GHS", "cedis", "cedi cedis ghs", "GH₵ GHS"},
    {"BTC", "bitcoin", "bitcoin bitcoins btc", "₿ BTC"},
    {"cent", "cents", "cent cents", "¢"},
    {"pence", "pence", "pence penny pennies", ""},
}};

// Plural name of a currency code ("GBP" -> "pounds"), empty when the code is unknown.
[[nodiscard]] constexpr std::string_view currency_name(std::string_view code) noexcept {
  for (const auto& c : currencies)
    if (c.code == code) return c.name;
  return {};
}

}  // namespace v0
}  // namespace quarry
