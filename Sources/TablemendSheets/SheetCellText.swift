/// A worksheet cell's stored value to the text the sheet shows: the one place both worksheet
/// readers (`XLSXReader`'s libxml2 handler and `WorksheetScanner`) turn a `<c>`'s type, style
/// and `<v>` or inline text into a cell's text, so that the two give the same sheet.
struct SheetCellText {
  /// A cell's `t` attribute as the readers tell it apart (anything else is a number).
  enum Kind {
    case shared, inline, string, boolean, date, number

    /// The kind of a `t` attribute's value (nil: no attribute, a number).
    init(_ type: String?) {
      switch type {
      case "s": self = .shared
      case "inlineStr": self = .inline
      case "str", "e": self = .string
      case "b": self = .boolean
      case "d": self = .date
      default: self = .number
      }
    }

    /// The kind of a `t` attribute's UTF-8 bytes (what `init(String)` gives for them).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
      switch bytes.count {
      case 1:
        switch bytes[0] {
        case UInt8(ascii: "s"): self = .shared
        case UInt8(ascii: "e"): self = .string
        case UInt8(ascii: "b"): self = .boolean
        case UInt8(ascii: "d"): self = .date
        default: self = .number
        }
      case 3 where Self.equal(bytes, "str"): self = .string
      case 9 where Self.equal(bytes, "inlineStr"): self = .inline
      default: self = .number
      }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
      guard bytes.count == text.utf8CodeUnitCount else { return false }
      for index in 0..<bytes.count where bytes[index] != text.utf8Start[index] { return false }
      return true
    }
  }

  /// Why a cell's text cannot be made.
  enum Failure: Error {
    /// A shared-string index past the table (the index).
    case sharedString(Int)
  }

  let strings: [String]
  let styles: XLSXReader.Styles
  let date1904: Bool
  /// Each style's number format, compiled when a cell first uses it.
  private var compiled: [NumberFormat.Compiled?]
  private let general = NumberFormat.Compiled(nil)

  init(strings: [String], styles: XLSXReader.Styles, date1904: Bool) {
    self.strings = strings
    self.styles = styles
    self.date1904 = date1904
    compiled = Array(repeating: nil, count: styles.formatIDs.count)
  }

  /// The text a cell shows (before `Text.lines`): `value` is its `<v>` text, `inline` its
  /// inline string's text.
  /// - Throws: `Failure.sharedString` when a shared-string index is past the table.
  mutating func text(kind: Kind, style: Int, value: String, inline: String) throws(Failure)
    -> String
  {
    switch kind {
    case .shared:
      guard let index = Int(value.trimmingCharacters(in: .whitespaces)) else { return "" }
      guard index >= 0, index < strings.count else { throw .sharedString(index) }
      return strings[index]
    case .inline: return Text.unescape(inline)
    case .string: return Text.unescape(value)
    case .boolean: return value == "1" || value == "true" ? "TRUE" : (value.isEmpty ? "" : "FALSE")
    case .date: return value
    case .number:
      guard let number = Double(value) ?? Double(value.trimmingCharacters(in: .whitespaces))
      else { return value }
      return numberText(number, style: style)
    }
  }

  /// A number cell's text: `number` as cell style `style` shows it.
  mutating func numberText(_ number: Double, style: Int) -> String {
    NumberFormat.format(number, compiled: format(style: style), date1904: date1904)
  }

  /// A cell's text as the sheet shows it (after `Text.lines`) from its `<v>` and inline text
  /// bytes: what `Text.lines(text(kind:style:value:inline:))` gives for their strings, with
  /// plain digits and plain inline text read without the detours.
  /// - Throws: `Failure.sharedString` when a shared-string index is past the table.
  mutating func text(
    kind: Kind, style: Int, value: UnsafeBufferPointer<UInt8>, inline: UnsafeBufferPointer<UInt8>
  ) throws(Failure) -> String {
    if kind == .shared, let index = Self.digits(value, atMost: 9) {
      return Text.lines(try sharedText(index: index))
    }
    if kind == .number, let whole = Self.digits(value, atMost: 15) {
      // Plain digits: the `Double` that `Double(String)` reads for them, without the string.
      return Text.lines(numberText(Double(whole), style: style))
    }
    if kind == .inline, !inline.contains(UInt8(ascii: "_")), !inline.contains(0x0D) {
      // No `_xHHHH_` escape and no CR: `Text.unescape` and `Text.lines` keep it as it is.
      return String(decoding: inline, as: UTF8.self)
    }
    return Text.lines(
      try text(
        kind: kind, style: style, value: String(decoding: value, as: UTF8.self),
        inline: kind == .inline ? String(decoding: inline, as: UTF8.self) : ""))
  }

  /// The number written as 1 to `atMost` ASCII digits, else nil.
  private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, atMost: Int) -> Int? {
    guard !bytes.isEmpty, bytes.count <= atMost else { return nil }
    var n = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      n = n * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return n
  }

  /// `text` for a shared-string cell whose `<v>` is plain ASCII digits (what `text` gives for
  /// it, without making a `String` of the index).
  /// - Throws: `Failure.sharedString` when the index is past the table.
  func sharedText(index: Int) throws(Failure) -> String {
    guard index >= 0, index < strings.count else { throw .sharedString(index) }
    return strings[index]
  }

  /// The compiled number format of cell style `style` (General for a style past the table).
  private mutating func format(style: Int) -> NumberFormat.Compiled {
    guard compiled.indices.contains(style) else { return general }
    if let known = compiled[style] { return known }
    let format = NumberFormat.Compiled(styles.code(style: style))
    compiled[style] = format
    return format
  }
}
