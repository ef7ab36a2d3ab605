// quarry/tagger/model.hpp: the name tagger's weights and their file format.
// A model is a table of 2^bits rows, one int8 code per label in each row; a feature's hash picks its
// row, and a codebook of 128 magnitudes gives each code its weight (codes spaced by quantiles, since
// perceptron weights span four orders of magnitude and a linear int8 scale rounds most of them to 0). Files hold only the rows that are not zero, delta-coded, behind a header with a checksum, so a
// missing, truncated or altered file is refused with the byte where reading failed.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/error.hpp"
#include "quarry/tagger/features.hpp"

namespace quarry {
inline namespace v0 {

class tagger_model {
 public:
  static constexpr std::string_view magic{"QTAGGER\0", 8};
  static constexpr std::uint32_t format_version = 1;
  static constexpr std::uint32_t min_bits = 8, max_bits = 24;
  static constexpr std::size_t labels = detail::tag_label_count;

  // An empty model (every weight zero): it tags nothing.
  using codebook = std::array<std::int32_t, 128>;  // magnitude of codes 0..127; code 0 is 0

  tagger_model() : tagger_model(min_bits, std::vector<std::int8_t>(labels << min_bits, 0), codebook{}) {}
  // weights holds labels << bits codes, row after row; a code c weighs sign(c) * magnitudes[|c|].
  tagger_model(std::uint32_t bits, std::vector<std::int8_t> weights, const codebook& magnitudes)
      : bits_(bits), weights_(std::move(weights)), magnitudes_(magnitudes) {
    if (bits < min_bits || bits > max_bits || weights_.size() != (labels << bits)) {
      throw usage_error("quarry::tagger_model: " + std::to_string(weights_.size()) + " weights for " +
                        std::to_string(bits) + " bits of rows");
    }
    magnitudes_[0] = 0;
    for (int c = -128; c < 128; ++c) {
      const std::int32_t mag = magnitudes_[static_cast<std::size_t>(c < 0 ? std::min(-c, 127) : c)];
      values_[static_cast<std::uint8_t>(static_cast<std::int8_t>(c))] = c < 0 ? -mag : mag;
    }
  }

  // Reads a model written by to_bytes() / save(); source names it in errors.
  [[nodiscard]] static tagger_model from_bytes(std::string_view bytes, const std::string& source = "<model>") {
    reader r{bytes, source};
    if (bytes.size() < header_size) {
      r.fail(bytes.size(), "truncated: " + std::to_string(bytes.size()) + " bytes, a model header alone has " +
                               std::to_string(header_size));
    }
    if (bytes.substr(0, magic.size()) != magic) r.fail(0, "not a quarry tagger model (bad magic)");
    r.at = magic.size();
    const auto version = r.u32();
    if (version != format_version) {
      r.fail(8, "model format version " + std::to_string(version) + ", this quarry reads version " +
                    std::to_string(format_version));
    }
    const auto label_count = r.u32();
    if (label_count != labels) r.fail(12, "model has " + std::to_string(label_count) + " labels, expected " + std::to_string(labels));
    const auto bits = r.u32();
    if (bits < min_bits || bits > max_bits) r.fail(16, "table size 2^" + std::to_string(bits) + " is out of range");
    const auto rows = r.u32();
    const auto payload = r.u64();
    const auto checksum = r.u64();
    if (payload != bytes.size() - header_size) {
      r.fail(bytes.size(), (payload > bytes.size() - header_size ? "truncated: " : "trailing bytes: ") +
                               std::string("the header announces ") + std::to_string(payload) +
                               " bytes of weights, the file holds " + std::to_string(bytes.size() - header_size));
    }
    if (fnv1a(bytes.substr(header_size)) != checksum) r.fail(32, "corrupt: the checksum of the weights does not match");
    codebook book{};
    for (auto& m : book) {
      m = static_cast<std::int32_t>(r.u32());
      if (m < 0 || m > (1 << 24)) r.fail(r.at - 4, "corrupt: a codebook magnitude out of range");
    }
    std::vector<std::int8_t> w(labels << bits, 0);
    std::uint64_t row = 0;
    for (std::uint32_t k = 0; k < rows; ++k) {
      row += r.varint();
      const auto mask = r.varint();
      if (row >= (std::uint64_t{1} << bits) || mask >= (std::uint64_t{1} << labels)) r.fail(r.at, "corrupt: a row out of range");
      for (std::size_t l = 0; l < labels; ++l) {
        if (mask & (std::uint64_t{1} << l)) w[row * labels + l] = static_cast<std::int8_t>(r.byte());
      }
    }
    if (r.at != bytes.size()) r.fail(r.at, "corrupt: bytes left after the last row");
    return tagger_model(bits, std::move(w), book);
  }

  // Reads a model file; throws model_error naming the file when it cannot be read or is not a model.
  [[nodiscard]] static tagger_model from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw model_error(path, 0, "cannot open the model file");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw model_error(path, bytes.size(), "read error");
    return from_bytes(bytes, path);
  }

  [[nodiscard]] std::string to_bytes() const {
    std::string body;
    for (auto m : magnitudes_) put_u32(body, static_cast<std::uint32_t>(m));
    std::uint32_t rows = 0;
    std::uint64_t prev = 0;
    for (std::uint64_t r = 0; r < (std::uint64_t{1} << bits_); ++r) {
      std::uint64_t mask = 0;
      for (std::size_t l = 0; l < labels; ++l) {
        if (weights_[r * labels + l] != 0) mask |= std::uint64_t{1} << l;
      }
      if (mask == 0) continue;
      put_varint(body, r - prev);
      put_varint(body, mask);
      for (std::size_t l = 0; l < labels; ++l) {
        if (mask & (std::uint64_t{1} << l)) body += static_cast<char>(weights_[r * labels + l]);
      }
      prev = r;
      ++rows;
    }
    std::string out(magic);
    put_u32(out, format_version);
    put_u32(out, static_cast<std::uint32_t>(labels));
    put_u32(out, bits_);
    put_u32(out, rows);
    put_u64(out, body.size());
    put_u64(out, fnv1a(body));
    return out + body;
  }

  void save(const std::string& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string bytes = to_bytes();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw model_error(path, 0, "cannot write the model file");
  }

  // The row of weights (one per label) that a feature hash selects.
  [[nodiscard]] const std::int8_t* row(std::uint64_t feature_hash) const noexcept {
    return weights_.data() + (feature_hash & ((std::uint64_t{1} << bits_) - 1)) * labels;
  }
  // The weight of a code (a table lookup: codes are what rows hold).
  [[nodiscard]] std::int32_t value(std::int8_t code) const noexcept { return values_[static_cast<std::uint8_t>(code)]; }
  [[nodiscard]] const std::int32_t* values() const noexcept { return values_.data(); }
  [[nodiscard]] std::uint32_t bits() const noexcept { return bits_; }
  [[nodiscard]] const codebook& magnitudes() const noexcept { return magnitudes_; }
  [[nodiscard]] const std::vector<std::int8_t>& weights() const noexcept { return weights_; }

 private:
  static constexpr std::size_t header_size = 8 + 4 * 4 + 8 + 8;

  struct reader {
    std::string_view bytes;
    const std::string& source;
    std::size_t at = 0;
    [[noreturn]] void fail(std::size_t offset, const std::string& what) const { throw model_error(source, offset, what); }
    std::uint8_t byte() {
      if (at >= bytes.size()) fail(at, "truncated in the weights");
      return static_cast<std::uint8_t>(bytes[at++]);
    }
    std::uint32_t u32() {
      std::uint32_t v = 0;
      for (int k = 0; k < 4; ++k) v |= std::uint32_t{byte()} << (8 * k);
      return v;
    }
    std::uint64_t u64() {
      std::uint64_t v = 0;
      for (int k = 0; k < 8; ++k) v |= std::uint64_t{byte()} << (8 * k);
      return v;
    }
    std::uint64_t varint() {
      std::uint64_t v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        const auto b = byte();
        v |= std::uint64_t{b & 0x7Fu} << shift;
        if (!(b & 0x80u)) return v;
      }
      fail(at, "corrupt: a number runs past 64 bits");
    }
  };

  static void put_u32(std::string& out, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
  }
  static void put_u64(std::string& out, std::uint64_t v) {
    for (int k = 0; k < 8; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
  }
  static void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
      out += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  [[nodiscard]] static std::uint64_t fnv1a(std::string_view s) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
  }

  std::uint32_t bits_;
  std::vector<std::int8_t> weights_;
  codebook magnitudes_;
  std::array<std::int32_t, 256> values_{};
};

}  // namespace v0
}  // namespace quarry
