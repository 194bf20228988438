import TablemendModel

/// Glyphs to text: lines by vertical overlap, glyphs left to right, lines top to bottom.
///
/// Inside a line a space is written where the page draws one, or where a gap of more than a
/// quarter of the font size separates two characters that are not Chinese (Latin words,
/// numbers); never between Chinese characters. Lines of one cell are joined with nothing
/// where either side is Chinese (a wrapped Chinese sentence), else with one space.
public enum GlyphLines {
  /// One line of text and its box.
  public struct Line: Sendable, Hashable {
    /// The line's text, spaces trimmed.
    public var text: String
    /// The box around its glyphs.
    public var box: Box
  }

  /// The glyphs grouped into lines, top to bottom.
  public static func lines(_ glyphs: [Glyph]) -> [Line] {
    groups(glyphs).compactMap(line)
  }

  /// A group of glyphs as one line; nil when it holds no text.
  static func line(_ group: [Glyph]) -> Line? {
    let text = lineText(group)
    guard !text.isEmpty, var box = group.first?.box else { return nil }
    for glyph in group { box = box.union(glyph.box) }
    return Line(text: text, box: box)
  }

  /// The glyphs grouped by vertical overlap, top to bottom (each group in drawing order).
  static func groups(_ glyphs: [Glyph]) -> [[Glyph]] {
    let sorted = glyphs.sorted { ($0.centreY, $0.box.x0) < ($1.centreY, $1.box.x0) }
    var groups: [[Glyph]] = []
    var groupTop = 0.0
    var groupBottom = 0.0
    for glyph in sorted {
      let height = max(glyph.box.height, 0.1)
      if !groups.isEmpty, glyph.centreY <= groupBottom,
        min(glyph.box.y1, groupBottom) - max(glyph.box.y0, groupTop) >= 0.4 * height
      {
        groups[groups.count - 1].append(glyph)
        groupTop = min(groupTop, glyph.box.y0)
        groupBottom = max(groupBottom, glyph.box.y1)
      } else {
        groups.append([glyph])
        groupTop = glyph.box.y0
        groupBottom = glyph.box.y1
      }
    }
    return groups
  }

  /// The text of one line's glyphs.
  static func lineText(_ glyphs: [Glyph]) -> String {
    var out = ""
    var previous: Glyph?
    var spaceDrawn = false
    for glyph in glyphs.sorted(by: { $0.box.x0 < $1.box.x0 }) {
      if glyph.text.allSatisfy(\.isWhitespace) {
        spaceDrawn = true
        continue
      }
      if let previous, let last = out.unicodeScalars.last,
        let first = glyph.text.unicodeScalars.first
      {
        let gap = glyph.box.x0 - previous.box.x1
        let size = max(glyph.fontSize, previous.fontSize, glyph.box.height * 0.8)
        let latin = !isChinese(last) && !isChinese(first)
        // A drawn space stays between two ideographs or two Latin characters; next to Chinese
        // punctuation or between Chinese and Latin it is spacing, not text.
        if latin && (spaceDrawn || gap > 0.25 * size)
          || spaceDrawn && isIdeograph(last) && isIdeograph(first)
        {
          out.append(" ")
        }
      }
      out += glyph.text
      previous = glyph
      spaceDrawn = false
    }
    return out
  }

  /// Lines joined into one paragraph: nothing between Chinese, one space otherwise.
  public static func joined(_ lines: [String]) -> String {
    var out = ""
    for line in lines where !line.isEmpty {
      if let last = out.unicodeScalars.last, let first = line.unicodeScalars.first,
        !isChinese(last) && !isChinese(first)
      {
        out.append(" ")
      }
      out += line
    }
    return out
  }

  /// True when the text starts with a Chinese character or full-width punctuation.
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.first.map(isChinese) ?? false
  }

  /// CJK ideographs (not punctuation).
  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
    default: return false
    }
  }

  /// CJK ideographs, CJK punctuation, full-width forms and Chinese quotation marks.
  static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2E80...0x9FFF, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
      return true
    default:
      return false
    }
  }
}
