// Copyright the tenure authors.
// internals_test.cc — the writer's building blocks: AddressMap against std::unordered_map under
// random inserts/overwrites/erases (backward-shift deletion is easy to get wrong), UTF-8 decoding,
// name capping.
#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

#include "address-map.h"
#include "json-stream.h"
#include "string-table.h"

namespace tenure::internal {
namespace {

TEST(AddressMapTest, MatchesAReferenceMapUnderRandomOperations) {
  std::mt19937_64 rng(12345);
  AddressMap map;
  std::unordered_map<uintptr_t, uint32_t> reference;
  // Few distinct keys in a narrow range, so probe runs collide and wrap around.
  auto key = [&] { return 0x10000 + 8 * (rng() % 3000); };
  for (int step = 0; step < 200000; ++step) {
    const uintptr_t k = key();
    switch (rng() % 3) {
      case 0:
      case 1: {
        const uint32_t v = static_cast<uint32_t>(rng() % 1000000) + 1;
        map.Set(k, v);
        reference[k] = v;
        break;
      }
      case 2: {
        auto it = reference.find(k);
        const uint32_t expected = it == reference.end() ? 0 : it->second;
        ASSERT_EQ(map.Erase(k), expected) << "step " << step;
        if (it != reference.end()) reference.erase(it);
        break;
      }
    }
    ASSERT_EQ(map.size(), reference.size());
  }
  for (uintptr_t k = 0x10000; k < 0x10000 + 8 * 3000; k += 8) {
    auto it = reference.find(k);
    ASSERT_EQ(map.Find(k), it == reference.end() ? 0u : it->second) << k;
  }
  size_t visited = 0;
  map.ForEach([&](uintptr_t k, uint32_t v) {
    ++visited;
    EXPECT_EQ(reference.at(k), v);
  });
  EXPECT_EQ(visited, reference.size());
}

TEST(Utf8Test, DecodesAndReplacesMalformedInput) {
  auto decode_all = [](std::string_view s) {
    std::vector<uint32_t> out;
    size_t pos = 0;
    while (pos < s.size()) out.push_back(DecodeUtf8(s, &pos));
    return out;
  };
  EXPECT_EQ(decode_all("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"),
            (std::vector<uint32_t>{'a', 0xE9, 0x20AC, 0x1F600}));
  EXPECT_EQ(decode_all("\xff"), (std::vector<uint32_t>{0xFFFD}));
  EXPECT_EQ(decode_all("\xc3"), (std::vector<uint32_t>{0xFFFD}));           // truncated
  EXPECT_EQ(decode_all("\xc0\xaf"), (std::vector<uint32_t>{0xFFFD, 0xFFFD}));  // overlong
  EXPECT_EQ(decode_all("\xed\xa0\x80"), (std::vector<uint32_t>{0xFFFD, 0xFFFD, 0xFFFD}));  // surrogate
  EXPECT_EQ(decode_all("\xe2\x82"), (std::vector<uint32_t>{0xFFFD, 0xFFFD}));
}

TEST(StringTableTest, InternsCapsAndKeepsDummyFirst) {
  StringTable table;
  EXPECT_EQ(table.Get(0), "<dummy>");
  EXPECT_EQ(table.Get(1), "");
  const uint32_t a = table.Intern("abc");
  EXPECT_EQ(table.Intern(std::string("abc")), a);
  EXPECT_EQ(table.Intern(""), 1u);
  const std::string long_ascii(5000, 'x');
  EXPECT_EQ(table.Get(table.Intern(long_ascii)).size(), kMaxNameChars);
  EXPECT_EQ(table.Intern(long_ascii.substr(0, 1024)), table.Intern(long_ascii));
  std::string euros;
  for (int i = 0; i < 2000; ++i) euros += "\xe2\x82\xac";
  EXPECT_EQ(CapName(euros).size(), 3 * kMaxNameChars);
}

}  // namespace
}  // namespace tenure::internal
