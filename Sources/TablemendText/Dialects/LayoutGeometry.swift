import TablemendModel

/// A run of text on one line of space-aligned (layout) text, with its character columns.
struct LayoutChunk: Sendable, Hashable {
  /// 0-based column of the first character (in the cleaned line, after any form feed).
  var start: Int
  /// 0-based column just past the last character.
  var end: Int
  var text: String

  /// The horizontal centre of the chunk.
  var center: Double { Double(start + end) / 2 }
}

/// One line of layout text: its source line number, the characters removed before column 0
/// (a leading form feed) and the characters.
struct LayoutLine: Sendable {
  var number: Int
  var offset: Int
  var chars: [Character]

  var isBlank: Bool { chars.allSatisfy { $0 == " " || $0 == "\u{3000}" } }

  /// Chunks separated by at least `minGap` spaces.
  func chunks(minGap: Int = 2) -> [LayoutChunk] {
    var result: [LayoutChunk] = []
    var i = 0
    let n = chars.count
    while i < n {
      while i < n, chars[i] == " " || chars[i] == "\u{3000}" { i += 1 }
      guard i < n else { break }
      let start = i
      var lastNonSpace = i
      var gap = 0
      while i < n {
        if chars[i] == " " || chars[i] == "\u{3000}" {
          gap += 1
          if gap >= minGap { break }
        } else {
          gap = 0
          lastNonSpace = i
        }
        i += 1
      }
      result.append(
        LayoutChunk(
          start: start, end: lastNonSpace + 1, text: String(chars[start...lastNonSpace])))
    }
    return result
  }

  /// The source location of column `column` of this line.
  func location(_ column: Int) -> Location { Location(line: number, column: offset + column + 1) }
}

/// Cleans text pulled out of layout lines.
enum LayoutText {
  static let closingPunctuation: Set<Character> = [
    "，", "。", "、", "；", "：", "）", "”", "！", "？", "》", "】",
  ]
  static let openingPunctuation: Set<Character> = ["（", "“", "《", "【"]

  /// Removes the spaces pdftotext puts around full-width punctuation (`能力 ，坚持`) and
  /// between Chinese and Latin text (`审核市直47 家`, from the gap a typesetter leaves there;
  /// Chinese text has no spaces of its own).
  static func tidy(_ text: String) -> String {
    let chars = Array(text)
    var out: [Character] = []
    out.reserveCapacity(chars.count)
    for (i, c) in chars.enumerated() {
      if c == " " {
        let next = i + 1 < chars.count ? chars[i + 1] : nil
        let previous = out.last
        if let next, closingPunctuation.contains(next) { continue }
        if let previous,
          openingPunctuation.contains(previous) || closingPunctuation.contains(previous)
        {
          continue
        }
        if previous == " " { continue }
        if let next, let previous,
          (IndicatorVocabulary.isCJK(previous) && isLatin(next))
            || (isLatin(previous) && IndicatorVocabulary.isCJK(next))
        {
          continue
        }
      }
      out.append(c)
    }
    return String(out).trimmingSpaces()
  }

  private static func isLatin(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "%")
  }

  /// Joins the lines of a wrapped cell: CJK text wraps without a space, Latin text with one.
  static func joinWrapped(_ parts: [String]) -> String {
    var result = ""
    for part in parts {
      let piece = part.trimmingSpaces()
      guard !piece.isEmpty else { continue }
      if let last = result.last, let first = piece.first, last.isASCII, first.isASCII,
        last.isLetter || last.isNumber, first.isLetter || first.isNumber
      {
        result += " "
      }
      result += piece
    }
    if result.count >= 2, result.first == "\"", result.last == "\"" {
      result = String(result.dropFirst().dropLast()).trimmingSpaces()
    }
    return tidy(result)
  }
}

extension String {
  /// The string without leading and trailing spaces (ASCII and ideographic) and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
