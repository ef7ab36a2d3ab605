// quarry/lexicon/currencies.hpp: currencies by ISO 4217 code, with the symbols and letter prefixes
// written before (or after) the number ("£", "A$", "RM", "20€"), the words and slang that name them
// after it ("300 euros", "42 bucks"), the adjectives that pick one of a family ("Kuwaiti dinars",
// "Qatari riyals"), and the plural name a reader gives it ("pounds"), the counted object of money.
#pragma once

#include <array>
#include <string_view>

namespace quarry {
inline namespace v0 {

struct currency_def {
  std::string_view code;        // ISO 4217, or "cent" / "pence" for the hundredths
  std::string_view name;        // plural name, the counted object of money written with a symbol
  std::string_view words;       // lower-case words naming it after a number ("300 euros")
  std::string_view prefixes;    // symbols or letter prefixes written before the number
  std::string_view adjectives = {};  // lower-case words before a family name that pick this one
};

// A word shared by a family ("dollars", "pounds", "dinars", "riyals") names the first currency that
// lists it; an adjective before it picks another ("Canadian dollars", "Lebanese pounds").
inline constexpr std::array<currency_def, 63> currencies = {{
    {"USD", "dollars", "dollar dollars usd buck bucks", "$ US$ USD U.S.$", "us u.s. american"},
    {"GBP", "pounds", "pound pounds sterling gbp quid", "£ GBP", "british sterling"},
    {"EUR", "euros", "euro euros eur", "€ EUR"},
    {"JPY", "yen", "yen jpy", "¥ JPY", "japanese"},
    {"CNY", "yuan", "yuan renminbi rmb cny", "CNY RMB", "chinese"},
    {"INR", "rupees", "rupee rupees inr", "₹ Rs Rs. INR", "indian"},
    {"AUD", "dollars", "aud", "A$ AU$ AUD", "australian"},
    {"CAD", "dollars", "cad", "C$ CA$ CAD", "canadian"},
    {"NZD", "dollars", "nzd", "NZ$ NZD", "zealand"},
    {"HKD", "dollars", "hkd", "HK$ HKD", "kong"},
    {"SGD", "dollars", "sgd", "S$ SGD", "singapore singaporean"},
    {"TWD", "dollars", "twd", "NT$ TWD", "taiwan taiwanese"},
    {"JMD", "dollars", "jmd", "J$ JMD", "jamaican"},
    {"MYR", "ringgit", "ringgit ringgits myr", "RM MYR", "malaysian malaysia"},
    {"IDR", "rupiah", "rupiah idr", "Rp IDR", "indonesian"},
    {"PHP", "pesos", "php", "₱ PHP", "philippine"},
    {"MXN", "pesos", "peso pesos mxn", "Mex$ MXN", "mexican"},
    {"ARS", "pesos", "ars", "ARS", "argentine argentinian"},
    {"BRL", "reais", "reais brl", "R$ BRL", "brazilian"},
    {"ZAR", "rand", "rand zar", "ZAR", "african"},
    {"CHF", "francs", "franc francs chf", "CHF Fr.", "swiss"},
    {"RUB", "roubles", "rouble roubles ruble rubles rub", "₽ RUB", "russian"},
    {"TRY", "lira", "lira lire", "₺ TL", "turkish"},
    {"NGN", "naira", "naira ngn", "₦ NGN", "nigerian"},
    {"KES", "shillings", "shilling shillings kes", "KSh KES", "kenyan"},
    {"ILS", "shekels", "shekel shekels ils nis", "₪ NIS ILS", "israeli"},
    {"AED", "dirhams", "dirham dirhams aed", "AED Dh", "emirati uae"},
    {"SAR", "riyals", "riyal riyals sar", "SAR SR", "saudi"},
    {"QAR", "riyals", "qar", "QAR", "qatari qatar"},
    {"OMR", "rials", "rial rials omr", "OMR", "omani"},
    {"YER", "rials", "yer", "YER", "yemeni"},
    {"IRR", "rials", "irr", "IRR", "iranian"},
    {"KWD", "dinars", "dinar dinars kwd", "KWD", "kuwaiti kuwait"},
    {"JOD", "dinars", "jod", "JOD", "jordanian"},
    {"IQD", "dinars", "iqd", "IQD", "iraqi"},
    {"BHD", "dinars", "bhd", "BHD", "bahraini"},
    {"DZD", "dinars", "dzd", "DZD", "algerian"},
    {"LYD", "dinars", "lyd", "LYD", "libyan"},
    {"TND", "dinars", "tnd", "TND", "tunisian"},
    {"RSD", "dinars", "rsd", "RSD", "serbian"},
    {"LBP", "pounds", "lbp", "LBP", "lebanese"},
    {"EGP", "pounds", "egp le geneh", "E£ EGP LE", "egyptian"},
    {"THB", "baht", "baht thb", "฿ THB", "thai"},
    {"VND", "dong", "dong vnd", "₫ VND", "vietnamese"},
    {"KRW", "won", "won krw", "₩ KRW", "korean"},
    {"PKR", "rupees", "pkr", "PKR", "pakistani"},
    {"LKR", "rupees", "lkr", "LKR", "lankan"},
    {"NPR", "rupees", "npr", "NPR", "nepalese nepali"},
    {"BDT", "taka", "taka bdt", "Tk BDT ৳", "bangladeshi"},
    {"SEK", "kronor", "krona kronor sek", "SEK", "swedish"},
    {"NOK", "kroner", "krone kroner nok", "NOK", "norwegian"},
    {"DKK", "kroner", "dkk", "DKK", "danish"},
    {"ISK", "kronur", "isk", "ISK", "icelandic"},
    {"PLN", "zlotys", "zloty zlotys zlotych pln", "zł PLN", "polish"},
    {"CZK", "korunas", "koruna korunas czk", "Kč CZK", "czech"},
    {"HUF", "forints", "forint forints huf", "Ft HUF", "hungarian"},
    {"BGN", "leva", "lev leva bgn", "BGN", "bulgarian"},
    {"UAH", "hryvnias", "hryvnia hryvnias hryvnia uah", "₴ UAH", "ukrainian"},
    {"MNT", "tugriks", "tugrik tugriks tughrik tughriks togrog mnt", "₮ MNT", "mongolian"},
    {"GHS", "cedis", "cedi cedis ghs", "GH₵ GHS", "ghanaian"},
    {"BTC", "bitcoin", "bitcoin bitcoins btc", "₿ BTC"},
    {"cent", "cents", "cent cents", "¢"},
    {"pence", "pence", "pence penny pennies", ""},
}};

// Words for the hundredth of a currency, written after its whole units: "$20 and 43 cents",
// "20 ringgit 43 sen", "3 UAH 4 kopiykas".
inline constexpr std::string_view minor_currency_words =
    "cent cents c pence penny pennies p sen sens paise kopek kopeks kopecks kopiyka kopiykas kopiyok "
    "centime centimes santim fils piastre piastres halala halalas agorot grosz groszy";

// Plural name of a currency code ("GBP" -> "pounds"), empty when the code is unknown.
[[nodiscard]] constexpr std::string_view currency_name(std::string_view code) noexcept {
  for (const auto& c : currencies)
    if (c.code == code) return c.name;
  return {};
}

}  // namespace v0
}  // namespace quarry
