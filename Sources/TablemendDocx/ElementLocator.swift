import Foundation

/// Finds the line and column of an element start tag in a UTF-8 XML part.
///
/// libxml2 gives a line but no useful column, and Word writes a whole part on one or two lines,
/// so the column matters. The scanner moves forward once over the bytes, in step with the
/// parser: to the start tag before the parser's byte offset, or (when libxml2 converted the
/// part from another encoding and its offsets are not the part's) to the n-th start tag,
/// counted while skipping end tags, comments, CDATA, processing instructions and declarations.
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
      // Jump to the next `<`, counting lines and columns over the text before it in bulk.
      guard let next = nextTagOpen() else {
        advance(to: bytes.count)
        return nil
      }
      advance(to: next)
      let following = offset + 1 < bytes.count ? bytes[offset + 1] : 0
      if following == UInt8(ascii: "!") {
        if matches("<!--") {
          skip(past: "-->")
        } else if matches("<![CDATA[") {
          skip(past: "]]>")
        } else {
          skip(past: ">")
        }
        continue
      }
      if following == UInt8(ascii: "?") {
        skip(past: "?>")
        continue
      }
      if following != UInt8(ascii: "/") {
        found += 1
        if found == ordinal {
          let here = (line, column)
          advance()
          return here
        }
      }
      advance()
    }
    return nil
  }

  /// The 1-based line and character column of the `<` of the start tag that the parser is
  /// in (or just past) at byte `end`: the last `<` before `end`, as no `<` can stand inside a
  /// start tag. Positions must not go backwards.
  mutating func locate(startTagBefore end: Int) -> (line: Int, column: Int)? {
    var start = min(end, bytes.count) - 1
    while start >= offset, bytes[start] != UInt8(ascii: "<") { start -= 1 }
    guard start >= offset else { return nil }
    advance(to: start)
    return (line, column)
  }

  /// The offset of the next `<` at or after `offset`.
  private func nextTagOpen() -> Int? {
    guard let base = bytes.baseAddress, offset < bytes.count,
      let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset)
    else { return nil }
    return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
  }

  /// Moves to `end`, as `advance()` byte by byte would: a line feed starts a new line, and
  /// every byte that does not continue a UTF-8 sequence is one column.
  private mutating func advance(to end: Int) {
    guard end > offset, let base = bytes.baseAddress else { return }
    let counts = Self.count(base + offset, end - offset)
    if counts.newlines == 0 {
      column += counts.characters
    } else {
      line += counts.newlines
      var lastBreak = end - 1
      while bytes[lastBreak] != UInt8(ascii: "\n") { lastBreak -= 1 }
      column = 1 + Self.count(base + lastBreak + 1, end - lastBreak - 1).characters
    }
    offset = end
  }

  /// The sum of a word's eight byte lanes (up to 8 × 255: summed in 16-bit lanes).
  private static func sumOfLanes(_ lanes: UInt64) -> Int {
    let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
    return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
  }

  /// Line feeds, and bytes that start a character, in `length` bytes: eight at a time.
  private static func count(
    _ start: UnsafePointer<UInt8>, _ length: Int
  ) -> (newlines: Int, characters: Int) {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var newlines = 0
    var continuations = 0
    var index = 0
    // Per-byte counters in the lanes of two words, summed every 255 words (before a lane
    // can overflow): no population count per word.
    while index + 8 <= length {
      var newlineLanes: UInt64 = 0
      var continuationLanes: UInt64 = 0
      var words = 0
      while words < 255, index + 8 <= length {
        let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
        // Zero bytes of word ^ 0x0A…, exact (no borrow crosses a byte).
        let t = word ^ 0x0A0A_0A0A_0A0A_0A0A
        newlineLanes &+= (~(((t & low) &+ low) | t | low)) >> 7
        // Continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear.
        continuationLanes &+= (word & ~(word << 1) & high) >> 7
        index += 8
        words += 1
      }
      newlines += Self.sumOfLanes(newlineLanes)
      continuations += Self.sumOfLanes(continuationLanes)
    }
    while index < length {
      let byte = start[index]
      if byte == UInt8(ascii: "\n") { newlines += 1 }
      if byte & 0xC0 == 0x80 { continuations += 1 }
      index += 1
    }
    return (newlines, length - continuations)
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
