import Testing

@testable import TablemendVocabulary

/// The scalar-by-scalar fast path of `TextFolding.fold` against the character-by-character one.
@Suite struct VocabularyFoldTests {
  @Test func labelsFoldAsBefore() {
    #expect(TextFolding.fold("部门（单位）名称：") == "部门(单位)名称:")
    #expect(TextFolding.fold(" 一级\u{3000}指标\r\n") == "一级指标")
    #expect(TextFolding.fold("年度\u{a0}目标\u{2028}1") == "年度目标1")
    // A combining mark or an emoji leaves the fast path; the result is still folded.
    #expect(TextFolding.foldStandalone("e\u{301}（") == nil)
    #expect(TextFolding.fold(" e\u{301}（😀 ") == "e\u{301}(😀")
    #expect(TextFolding.fold("（\u{301}") == "（\u{301}")
  }

  @Test func everyStandaloneScalarFoldsLikeItsCharacter() {
    var checked = 0
    for v in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let text = "a" + String(scalar) + "（b"
      guard let fast = TextFolding.foldStandalone(text) else { continue }
      #expect(fast == TextFolding.foldCharacters(text), "U+\(String(v, radix: 16))")
      checked += 1
    }
    #expect(checked > 28_000)
  }

  @Test func randomMixesFoldLikeCharacters() {
    var state: UInt64 = 2021
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let pool: [Unicode.Scalar] = [
      " ", "\t", "\r", "\n", "\u{3000}", "\u{a0}", "\u{2028}", "（", "）", "：", ":", "项", "目",
      "a", "1", "、", "…", "—", "\u{301}", "\u{200d}", "😀", "\u{fe0f}", "한", "\u{1100}",
      "\u{1161}", "\u{85}", "\u{202f}",
    ]
    for _ in 0..<3000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<(next() % 10) { scalars.append(pool[next() % pool.count]) }
      let text = String(scalars)
      #expect(
        TextFolding.fold(text) == TextFolding.foldCharacters(text), "\(text.debugDescription)")
    }
  }
}
