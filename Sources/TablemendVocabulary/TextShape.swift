import TablemendModel

/// `text` without any white space or layout padding (U+F8FF, which the layout-text reader puts
/// where a wide character's second display column was): web pages space labels out
/// (`产 出 指 标`) and layout text pads display columns.
@inlinable public func squeezed<S: StringProtocol>(_ text: S) -> String {
  // Most cells hold no space: checked scalar by scalar, without grapheme breaking.
  let spaced = text.unicodeScalars.contains { $0.isSpaceLike || $0 == "\u{F8FF}" }
  if !spaced { return String(text) }
  return String(text.filter { !$0.isWhitespace && $0 != "\u{F8FF}" })
}

/// True for a CJK unified ideograph (the basic block or extension A).
@inlinable public func isCJK(_ c: Character) -> Bool {
  guard let v = c.unicodeScalars.first?.value else { return false }
  return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
}

extension String {
  /// The string without leading and trailing spaces (ASCII and ideographic) and tabs.
  public func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

/// East Asian display width, as terminal layout (and pandoc) counts it.
public enum DisplayWidth {
  /// True for characters laid out two columns wide.
  @inlinable public static func isWide(_ ch: Character) -> Bool {
    guard let v = ch.unicodeScalars.first?.value else { return false }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
      0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
