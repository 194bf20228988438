import TablemendModel

/// The light fold the forms stage compares grid cells with: white space dropped and full-width
/// brackets and colons as ASCII, the characters otherwise as printed (unlike
/// `LabelFolding.key`, it keeps traditional characters and pinyin notes, so its result can be
/// shown). Built for speed: most cells are plain ideographs and are folded scalar by scalar.
public enum TextFolding {
  /// Folds a label for comparison: no white space (ASCII, full-width, line breaks), ASCII
  /// parentheses and colons.
  public static func fold(_ s: String) -> String {
    foldStandalone(s) ?? foldCharacters(s)
  }

  /// `fold` character by character: right for any text.
  static func foldCharacters(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
      if ch.isWhitespace || ch == "\u{3000}" { continue }
      switch ch {
      case "（": out.append("(")
      case "）": out.append(")")
      case "：": out.append(":")
      default: out.append(ch)
      }
    }
    return out
  }

  /// `fold` for text whose every scalar is a character of its own (ASCII and Latin-1, CJK
  /// ideographs, radicals and punctuation, full-width forms, general punctuation without
  /// joiners, letter-like and number forms, arrows, operators, shapes, dingbats): the usual
  /// label, folded scalar by scalar without grapheme breaking or normalising compares, and
  /// returned as is when nothing folds. Nil when any other scalar (a combining mark, a joiner,
  /// a variation selector, an emoji) appears.
  static func foldStandalone(_ s: String) -> String? {
    var changed = false
    for scalar in s.unicodeScalars {
      switch fold(standalone: scalar.value) {
      case .notStandalone: return nil
      case .keep: continue
      case .drop, .replace: changed = true
      }
    }
    if !changed { return s }
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      switch fold(standalone: scalar.value) {
      case .notStandalone, .drop: continue
      case .keep: out.append(scalar)
      case .replace(let ascii): out.append(ascii)
      }
    }
    return String(out)
  }

  private enum StandaloneFold {
    case notStandalone, keep, drop
    case replace(Unicode.Scalar)
  }

  private static func fold(standalone v: UInt32) -> StandaloneFold {
    switch v {
    // Character.isWhitespace over the ranges below, and U+3000.
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .drop
    case 0xFF08: return .replace("(")
    case 0xFF09: return .replace(")")
    case 0xFF1A: return .replace(":")
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x27BF,
      0x2E80...0x2FDF, 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xFF01...0xFF5E:
      return .keep
    default: return .notStandalone
    }
  }

  /// Joins wrapped lines of one label or sentence: no space between CJK characters, one
  /// between Latin words or numbers.
  public static func joinLines(_ paragraphs: [String]) -> String {
    if paragraphs.count == 1 { return paragraphs[0].trimmedPadding() }
    var out = ""
    for p in paragraphs.map({ $0.trimmedPadding() }) where !p.isEmpty {
      if let last = out.last, let first = p.first, last.isASCII && first.isASCII,
        last.isLetter || last.isNumber, first.isLetter || first.isNumber
      {
        out += " "
      }
      out += p
    }
    return out
  }

  /// ASCII and CJK unified ideographs only: text in NFC with no canonical equivalent but
  /// itself, so two such strings are equal exactly when their bytes are.
  public static func isPlainCJK(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { $0.isASCII || (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Drops a score printed in a folded label: `满意度指标(10分)` → `满意度指标`, `(50分)` → empty.
  public static func withoutScore(_ folded: String) -> String {
    guard folded.has("分") else { return folded }
    return folded.replacing(scorePattern, with: "")
  }

  nonisolated(unsafe) private static let scorePattern = /\(\d+(\.\d+)?分\)/
}
