import TablemendModel

/// `text` without any white space or layout padding (U+F8FF, which the layout-text reader puts
/// where a wide character's second display column was): web pages space labels out
/// (`产 出 指 标`) and layout text pads display columns.
public func squeezed<S: StringProtocol>(_ text: S) -> String {
  // Most cells hold no space: checked scalar by scalar, without grapheme breaking.
  let spaced = text.unicodeScalars.contains { $0.isSpaceLike || $0 == "\u{F8FF}" }
  if !spaced { return String(text) }
  return String(text.filter { !$0.isWhitespace && $0 != "\u{F8FF}" })
}

/// True for a CJK unified ideograph (the basic block or extension A).
public func isCJK(_ c: Character) -> Bool {
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
