/// Finds the line and column of the n-th element start tag in a UTF-8 XML part.
///
/// libxml2's streaming reader keeps a line per node but no column, and its parser position
/// runs ahead of the node. Word writes a whole part on one or two lines, so the column
/// matters: this scanner walks the bytes once, in step with the reader, counting start tags
/// (skipping end tags, comments, CDATA, processing instructions and declarations).
struct ElementLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0
  private var line = 1
  private var column = 1
  private var found = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// True when the bytes are not UTF-16 or UTF-32 (whose tags this scanner cannot count).
  static func isByteCountable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2 else { return true }
    return bytes[0] != 0 && bytes[1] != 0 && !(bytes[0] == 0xFE && bytes[1] == 0xFF)
      && !(bytes[0] == 0xFF && bytes[1] == 0xFE)
  }

  /// The 1-based line and character column of the `<` of the `ordinal`-th start tag (1-based).
  /// Ordinals must not go backwards.
  mutating func locate(_ ordinal: Int) -> (line: Int, column: Int)? {
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "<") {
        let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
        if next == UInt8(ascii: "!") {
          if matches("<!--") {
            skip(past: "-->")
          } else if matches("<![CDATA[") {
            skip(past: "]]>")
          } else {
            skip(past: ">")
          }
          continue
        }
        if next == UInt8(ascii: "?") {
          skip(past: "?>")
          continue
        }
        if next != UInt8(ascii: "/") {
          found += 1
          if found == ordinal {
            let here = (line, column)
            advance()
            return here
          }
        }
      }
      advance()
    }
    return nil
  }

  /// The line and column of the first `<!DOCTYPE` in the bytes, if any.
  static func doctype(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
    var locator = ElementLocator(bytes)
    while locator.offset < bytes.count {
      if locator.matches("<!DOCTYPE") { return (locator.line, locator.column) }
      locator.advance()
    }
    return nil
  }

  private mutating func advance() {
    let byte = bytes[offset]
    offset += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private func matches(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard offset + count <= bytes.count else { return false }
    let start = literal.utf8Start
    for index in 0..<count where bytes[offset + index] != start[index] { return false }
    return true
  }

  private mutating func skip(past literal: StaticString) {
    while offset < bytes.count {
      if matches(literal) {
        for _ in 0..<literal.utf8CodeUnitCount { advance() }
        return
      }
      advance()
    }
  }
}
