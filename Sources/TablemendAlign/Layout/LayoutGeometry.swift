import TablemendModel
import TablemendVocabulary

/// A run of text on one line of space-aligned (layout) text, with its character columns.
public struct LayoutChunk: Sendable, Hashable {
  /// 0-based column of the first character (in the cleaned line, after any form feed).
  public var start: Int
  /// 0-based column just past the last character.
  public var end: Int
  public var text: String
  /// The line column of each character of `text`, when they are not `start` onwards (a line
  /// read in display columns).
  public var textColumns: [Int]? = nil

  public init(start: Int, end: Int, text: String, textColumns: [Int]? = nil) {
    self.start = start
    self.end = end
    self.text = text
    self.textColumns = textColumns
  }

  /// The horizontal centre of the chunk.
  public var center: Double { Double(start + end) / 2 }

  /// The part of the chunk holding `text`'s characters at `range` (character offsets), with
  /// its columns on the line.
  public func piece(_ range: Range<Int>) -> LayoutChunk {
    let characters = Array(text)
    let columnOf = { (i: Int) in self.textColumns.map { $0[i] } ?? self.start + i }
    guard !range.isEmpty, range.upperBound <= characters.count else {
      return LayoutChunk(start: start, end: start, text: "")
    }
    let last = range.upperBound - 1
    let lastWidth = textColumns.map { _ in DisplayWidth.isWide(characters[last]) ? 2 : 1 } ?? 1
    return LayoutChunk(
      start: columnOf(range.lowerBound), end: columnOf(last) + lastWidth,
      text: String(characters[range]),
      textColumns: textColumns.map { Array($0[range]) })
  }
}

/// One line of layout text: its source line number, the characters removed before column 0
/// (a leading form feed) and the characters.
///
/// Text browsers (w3m, lynx, elinks) lay tables out in display columns, where a Chinese
/// character is two columns wide; pdftotext gives every character one. A line read in display
/// columns (`displayPadded`) has a `pad` after each wide character, which `chunks()` and the
/// cleaners drop from texts, and `sourceColumns` to point locations back at the source.
public struct LayoutLine: Sendable {
  public var number: Int
  public var offset: Int
  public var chars: [Character]
  /// For a padded line, the source column of each character (pads take their character's).
  public var sourceColumns: [Int]? = nil

  public init(number: Int, offset: Int, chars: [Character], sourceColumns: [Int]? = nil) {
    self.number = number
    self.offset = offset
    self.chars = chars
    self.sourceColumns = sourceColumns
  }

  /// The filler that follows a wide character in a line read in display columns.
  public static let pad: Character = "\u{F8FF}"

  /// The line in display columns: a `pad` after each wide character.
  public func displayPadded() -> LayoutLine {
    var padded: [Character] = []
    var columns: [Int] = []
    padded.reserveCapacity(chars.count + chars.count / 2)
    for (i, c) in chars.enumerated() {
      padded.append(c)
      columns.append(i)
      if DisplayWidth.isWide(c) {
        padded.append(Self.pad)
        columns.append(i)
      }
    }
    return LayoutLine(number: number, offset: offset, chars: padded, sourceColumns: columns)
  }

  /// `chars[range]` as text, without pads.
  public func text(_ range: Range<Int>) -> String {
    String(chars[range].filter { $0 != Self.pad })
  }

  public var isBlank: Bool { chars.allSatisfy { $0 == " " || $0 == "\u{3000}" } }

  /// Chunks separated by at least `minGap` spaces.
  public func chunks(minGap: Int = 2) -> [LayoutChunk] {
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
      var chunk = LayoutChunk(
        start: start, end: lastNonSpace + 1, text: text(start..<(lastNonSpace + 1)))
      if sourceColumns != nil {
        chunk.textColumns = (start...lastNonSpace).filter { chars[$0] != Self.pad }
      }
      result.append(chunk)
    }
    return result
  }

  /// The source location of column `column` of this line.
  public func location(_ column: Int) -> Location {
    let source =
      sourceColumns.map { map in
        column < map.count
          ? map[max(0, column)] : column - map.count + (map.last.map { $0 + 1 } ?? 0)
      } ?? column
    return Location(line: number, column: offset + source + 1)
  }
}

/// Cleans text pulled out of layout lines.
public enum LayoutText {
  public static let closingPunctuation: Set<Character> = [
    "，", "。", "、", "；", "：", "）", "”", "！", "？", "》", "】",
  ]
  public static let openingPunctuation: Set<Character> = ["（", "“", "《", "【"]

  /// Removes the spaces pdftotext puts around full-width punctuation (`能力 ，坚持`) and
  /// between Chinese and Latin text (`审核市直47 家`, from the gap a typesetter leaves there;
  /// Chinese text has no spaces of its own).
  public static func tidy(_ text: String) -> String {
    let chars = Array(text).filter { $0 != LayoutLine.pad }
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
          (isCJK(previous) && isLatin(next))
            || (isLatin(previous) && isCJK(next))
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
  public static func joinWrapped(_ parts: [String]) -> String {
    var result = ""
    for part in parts {
      let piece = part.filter { $0 != LayoutLine.pad }.trimmingSpaces()
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

  /// A space where a line may be split between columns: not one that pdftotext put before
  /// full-width punctuation.
  public static func isSplitSpace(_ chars: [Character], _ i: Int) -> Bool {
    guard i >= 0, i < chars.count, chars[i] == " " else { return false }
    if i + 1 < chars.count, LayoutText.closingPunctuation.contains(chars[i + 1]) { return false }
    if i > 0, LayoutText.openingPunctuation.contains(chars[i - 1]) { return false }
    return true
  }
}
