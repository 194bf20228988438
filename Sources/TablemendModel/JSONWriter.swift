import Foundation

/// A compact JSON writer that appends UTF-8 bytes straight into a buffer.
///
/// It writes exactly what Foundation's `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` writes on this platform (swift-foundation's `JSONWriter`):
/// - keys sorted by their UTF-8 bytes (callers write fixed keys in that order and sort
///   dictionary keys with `utf8.lexicographicallyPrecedes`);
/// - `"` and `\` escaped, `\b \f \n \r \t` as such, other bytes below 0x20 as `\u00xx` with
///   lower-case hex, `/` and everything from 0x20 up (DEL, U+2028, emoji) written raw;
/// - doubles as `description` without a trailing `.0`, non-finite ones as the strings
///   `NaN`, `Infinity`, `-Infinity` (the strategy `JSONOutput` sets); integers in decimal.
struct JSONWriter {
  /// The bytes written so far.
  var bytes: [UInt8] = []

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  // MARK: Punctuation

  mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
  mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
  mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
  mutating func endArray() { bytes.append(UInt8(ascii: "]")) }
  mutating func comma() { bytes.append(UInt8(ascii: ",")) }
  mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

  /// Writes `"name":`, preceded by a comma unless it is the object's first key.
  ///
  /// `name` must need no escaping (the model's own keys are plain ASCII identifiers).
  mutating func key(_ name: StaticString, _ first: inout Bool) {
    if first { first = false } else { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
  }

  // MARK: Scalars

  mutating func bool(_ value: Bool) {
    if value {
      bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
    } else {
      bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
    }
  }

  mutating func int(_ value: Int) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
      return
    }
    // Digits of the magnitude, least significant first; `Int.min` has no positive twin.
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    withUnsafeBytes(of: &digits) { buffer in
      var index = count - 1
      while index >= 0 {
        bytes.append(buffer[index])
        index -= 1
      }
    }
  }

  mutating func double(_ value: Double) {
    guard value.isFinite else {
      if value.isNaN {
        string("NaN")
      } else {
        string(value < 0 ? "-Infinity" : "Infinity")
      }
      return
    }
    if value == value.rounded(.towardZero), value.magnitude < 1e15,
      value != 0 || value.sign == .plus
    {
      // Integral and below 2^53: `description` would print the digits and `.0`.
      int(Int(value))
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Writes `text` as a quoted, escaped JSON string.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      var index = 0
      let count = utf8.count
      while index < count {
        let byte = utf8[index]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
          index += 1
          continue
        }
        if index > start {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        }
        escape(byte)
        index += 1
        start = index
      }
      if count > start {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count]))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: bytes.append(UInt8(ascii: "\""))
    case 0x5C: bytes.append(UInt8(ascii: "\\"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
        hex[Int(byte & 0x0F)],
      ])
    }
  }

  // MARK: Containers

  /// Writes an array of model values.
  mutating func array<Element: JSONWritable>(_ elements: [Element]) {
    beginArray()
    var first = true
    for element in elements {
      if first { first = false } else { comma() }
      element.writeJSON(into: &self)
    }
    endArray()
  }

  /// Writes an array of strings.
  mutating func array(_ elements: [String]) {
    beginArray()
    var first = true
    for element in elements {
      if first { first = false } else { comma() }
      string(element)
    }
    endArray()
  }

  /// Writes a string dictionary as an object with keys in UTF-8 byte order.
  mutating func object(_ dictionary: [String: String]) {
    beginObject()
    var first = true
    for (key, value) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    ) {
      if first { first = false } else { comma() }
      string(key)
      bytes.append(UInt8(ascii: ":"))
      string(value)
    }
    endObject()
  }
}

/// A model type that writes its own compact JSON, byte-identical to its `Encodable` form under
/// `JSONOutput`'s encoder settings.
protocol JSONWritable {
  func writeJSON(into writer: inout JSONWriter)
}
