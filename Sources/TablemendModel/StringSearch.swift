/// Fast substring tests for the hot paths of every stage.
extension StringProtocol {
  /// Substring test on UTF-8 bytes. Foundation's `contains(_:)` on Linux bridges to CFString
  /// and folds every character, and the standard library's generic searcher looks up type
  /// metadata on every call; both were top costs of the forms stage.
  public func has(_ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { n in
      guard !n.isEmpty else { return true }
      let found = utf8.withContiguousStorageIfAvailable { h -> Bool in
        guard h.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var k = 1
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count { return true }
          }
          i += 1
        }
        return false
      }
      return found ?? String(self).has(String(decoding: n, as: UTF8.self))
    }
  }
}

extension String {
  /// The text's lines, split at LF, CR and CR LF, as `split(omittingEmptySubsequences: false)`
  /// splits them (a text ending in a line break ends with an empty line).
  public func lineSlices() -> [Substring] {
    var lines: [Substring] = []
    forEachLine(includingEmptyLast: true) { lines.append($0) }
    return lines
  }

  /// Calls `body` with each line of the text, split at LF, CR and CR LF, in order; the empty
  /// line after a final line break (or of an empty text) only when `includingEmptyLast`. A
  /// line end is always a character boundary, so the bytes are scanned rather than the
  /// characters.
  public func forEachLine<E: Error>(
    includingEmptyLast: Bool, _ body: (Substring) throws(E) -> Void
  ) throws(E) {
    let bytes = utf8
    var start = bytes.startIndex
    var i = start
    while i < bytes.endIndex {
      let byte = bytes[i]
      guard byte == 0x0A || byte == 0x0D else {
        i = bytes.index(after: i)
        continue
      }
      try body(self[start..<i])
      i = bytes.index(after: i)
      if byte == 0x0D, i < bytes.endIndex, bytes[i] == 0x0A { i = bytes.index(after: i) }
      start = i
    }
    if includingEmptyLast || start < bytes.endIndex { try body(self[start...]) }
  }

  /// True when the text's UTF-8 holds `byte` (an ASCII character: `\n`, `\r`, `.`), searched
  /// in the contiguous bytes rather than through the UTF-8 view's iterator.
  public func containsByte(_ byte: UInt8) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(byte) }) { return found }
    return utf8.contains(byte)
  }

  /// The text without leading and trailing white space, ideographic (U+3000) and no-break
  /// (U+00A0) spaces: the one trim every stage uses. Compared scalar by scalar (white space is
  /// one scalar), and the text itself is returned when there is nothing to trim.
  public func trimmedPadding() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return self }
    if !first.isSpaceLike && !last.isSpaceLike { return self }
    guard let start = scalars.firstIndex(where: { !$0.isSpaceLike }),
      let end = scalars.lastIndex(where: { !$0.isSpaceLike })
    else { return "" }
    return String(scalars[start...end])
  }
}

extension Unicode.Scalar {
  /// The scalars Unicode calls white space (`properties.isWhitespace`), by their code points:
  /// a table lookup per scalar is the top cost of squeezing and folding cells.
  public var isSpaceLike: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default: return false
    }
  }
}

extension Character {
  /// True when the character is the single scalar `scalar` (`|`, a tab, U+3000), compared by
  /// code point. `==` on characters compares canonical equivalents, a normalisation for every
  /// CJK character; for a scalar with no canonical decomposition the answer is the same.
  @inlinable public func isScalar(_ scalar: Unicode.Scalar) -> Bool {
    var scalars = unicodeScalars.makeIterator()
    return scalars.next() == scalar && scalars.next() == nil
  }
}
