import TablemendModel
import Testing

@testable import TablemendPDF

/// Glyphs to text: reading order, no space between Chinese characters, one between words.
@Suite struct GlyphLinesTests {
  /// Glyphs of `text` on one line from `x`, each `width` wide, 10 pt high at `y`.
  static func glyphs(_ text: String, x: Double, y: Double, width: Double = 10) -> [Glyph] {
    text.enumerated().map { index, character in
      let x0 = x + Double(index) * width
      return Glyph(
        text: String(character), box: Box(x0: x0, y0: y, x1: x0 + width, y1: y + 10),
        fontSize: 10)
    }
  }

  @Test func wrappedChineseJoinsWithoutSpace() {
    let glyphs = Self.glyphs("社区公共", x: 0, y: 0) + Self.glyphs("服务中心", x: 0, y: 12)
    let lines = GlyphLines.lines(glyphs.reversed())
    #expect(lines.map(\.text) == ["社区公共", "服务中心"])
    #expect(GlyphLines.joined(lines.map(\.text)) == "社区公共服务中心")
  }

  @Test func latinWordsKeepOneSpace() {
    // Two words with a gap of 5 pt (no space glyph), wrapped onto a second line.
    let glyphs =
      Self.glyphs("total", x: 0, y: 0, width: 5) + Self.glyphs("cost", x: 30, y: 0, width: 5)
      + Self.glyphs("per year", x: 0, y: 12, width: 5)
    let lines = GlyphLines.lines(glyphs)
    #expect(lines.map(\.text) == ["total cost", "per year"])
    #expect(GlyphLines.joined(lines.map(\.text)) == "total cost per year")
  }

  @Test func drawnSpacesNextToChineseAreSpacing() {
    // WPS draws a space before full-width punctuation and between 于 and 80.
    #expect(GlyphLines.lines(Self.glyphs("安排 ，完成", x: 0, y: 0)).map(\.text) == ["安排，完成"])
    #expect(GlyphLines.lines(Self.glyphs("不低于 80%", x: 0, y: 0)).map(\.text) == ["不低于80%"])
    // Between two ideographs a drawn space is kept (once).
    #expect(GlyphLines.lines(Self.glyphs("意识  提升", x: 0, y: 0)).map(\.text) == ["意识 提升"])
  }

  @Test func verticalLabelOneCharacterPerLine() {
    let glyphs = ["项", "目", "绩", "效"].enumerated().flatMap { index, text in
      Self.glyphs(text, x: 0, y: Double(index) * 14)
    }
    #expect(GlyphLines.joined(GlyphLines.lines(glyphs).map(\.text)) == "项目绩效")
  }
}
