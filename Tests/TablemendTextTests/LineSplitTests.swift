import TablemendModel
import Testing

@testable import TablemendText

/// `TextReader.splitLines`: every kind of line end, the byte-order mark, and both limits with
/// the place they name.
struct LineSplitTests {
  @Test(arguments: [
    ("a\nb", ["a", "b"]),
    ("a\r\nb\r\n", ["a", "b"]),
    ("a\rb\r", ["a", "b"]),
    ("a\n\rb", ["a", "", "b"]),
    ("\r\n\r\n一级指标\t产出指标", ["", "", "一级指标\t产出指标"]),
    ("\u{FEFF}项目名称\n", ["项目名称"]),
    ("e\u{301}\n\u{301}x", ["e\u{301}", "\u{301}x"]),
    ("", []),
  ])
  func lineEnds(text: String, expected: [String]) throws {
    #expect(try TextReader.splitLines(text, limits: Limits()).map(String.init) == expected)
  }

  @Test func lineLengthCountsCharactersNotBytes() throws {
    var limits = Limits()
    limits.maxLineLength = 4
    // Four Chinese characters are 12 bytes but 4 characters: within the limit.
    #expect(try TextReader.splitLines("产出指标\nab", limits: limits).count == 2)
    let error = #expect(throws: TextError.self) {
      try TextReader.splitLines("ab\n产出指标值", limits: limits)
    }
    #expect(error?.place == "2:1")
    #expect(error?.message.contains("maxLineLength") == true)
  }

  @Test func lineCountLimitNamesTheFirstLineOver() throws {
    var limits = Limits()
    limits.maxLines = 2
    #expect(try TextReader.splitLines("a\nb", limits: limits).count == 2)
    let error = #expect(throws: TextError.self) {
      try TextReader.splitLines("a\nb\nc", limits: limits)
    }
    #expect(error?.place == "3:1")
  }
}
