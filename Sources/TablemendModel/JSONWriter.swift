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
struct JSONWriter: ~Copyable {
  /// The bytes written so far: `count` of `capacity` bytes, owned by the writer.
  private var storage: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int

  init(capacity: Int = 0) {
    self.capacity = max(capacity, 256)
    storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  deinit {
    storage.deallocate()
  }

  /// The bytes written, handed over without a copy.
  consuming func data() -> Data {
    let data = Data(
      bytesNoCopy: storage, count: count,
      deallocator: .custom { pointer, _ in pointer.deallocate() }
    )
    discard self
    return data
  }

  /// `body` over the bytes written so far.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    body(UnsafeBufferPointer(start: storage, count: count))
  }

  /// How many bytes are written and not yet drained.
  var byteCount: Int { count }

  /// Hands the bytes written so far to `sink` and starts again from empty, keeping the
  /// buffer (for output written in pieces).
  mutating func drain(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    try sink(UnsafeRawBufferPointer(start: storage, count: count))
    count = 0
  }

  // MARK: Bytes

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if capacity - count < extra { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    let larger = max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.initialize(from: storage, count: count)
    storage.deallocate()
    storage = moved
    capacity = larger
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func append(_ a: UInt8, _ b: UInt8) {
    reserve(2)
    storage[count] = a
    storage[count + 1] = b
    count += 2
  }

  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (storage + count).initialize(from: base, count: bytes.count)
    count += bytes.count
  }

  private mutating func append(_ literal: StaticString) {
    append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  // MARK: Punctuation

  mutating func beginObject() { append(UInt8(ascii: "{")) }
  mutating func endObject() { append(UInt8(ascii: "}")) }
  mutating func beginArray() { append(UInt8(ascii: "[")) }
  mutating func endArray() { append(UInt8(ascii: "]")) }
  mutating func comma() { append(UInt8(ascii: ",")) }
  mutating func null() { append("null") }

  /// Writes `"name":`, preceded by a comma unless it is the object's first key.
  ///
  /// `name` must need no escaping (the model's own keys are plain ASCII identifiers).
  mutating func key(_ name: StaticString, _ first: inout Bool) {
    let length = name.utf8CodeUnitCount
    reserve(length + 4)
    if first { first = false } else { storage[count] = UInt8(ascii: ","); count += 1 }
    storage[count] = UInt8(ascii: "\"")
    (storage + count + 1).initialize(from: name.utf8Start, count: length)
    storage[count + 1 + length] = UInt8(ascii: "\"")
    storage[count + 2 + length] = UInt8(ascii: ":")
    count += length + 3
  }

  // MARK: Scalars

  mutating func bool(_ value: Bool) {
    append(value ? "true" : "false")
  }

  mutating func int(_ value: Int) {
    if value >= 0 && value < 10 {
      append(UInt8(truncatingIfNeeded: value) &+ 0x30)
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
    if value < 0 { append(UInt8(ascii: "-")) }
    reserve(count)
    withUnsafeBytes(of: &digits) { buffer in
      for index in 0..<count { storage[self.count + index] = buffer[count - 1 - index] }
    }
    self.count += count
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
    text.withUTF8 { append($0) }
  }

  /// Writes `text` as a quoted, escaped JSON string.
  mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { string(utf8: $0) }
  }

  /// Writes literal bytes (already JSON).
  mutating func raw(_ literal: StaticString) { append(literal) }

  /// Writes literal bytes (already JSON).
  mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }

  /// Writes the A1 reference of a 0-based row and column (`Location.a1`'s text) as a JSON
  /// string.
  mutating func a1String(row: Int, column: Int) {
    reserve(32)
    var letters: (UInt64, UInt64) = (0, 0)
    var count = 0
    var n = max(column, 0) + 1
    withUnsafeMutableBytes(of: &letters) { buffer in
      while n > 0, count < 16 {
        buffer[count] = UInt8(65 + (n - 1) % 26)
        n = (n - 1) / 26
        count += 1
      }
    }
    append(UInt8(ascii: "\""))
    withUnsafeBytes(of: &letters) { buffer in
      for index in 0..<count { storage[self.count + index] = buffer[count - 1 - index] }
    }
    self.count += count
    int(max(row, 0) + 1)
    append(UInt8(ascii: "\""))
  }

  /// Writes UTF-8 bytes as a quoted, escaped JSON string (what `string` writes for the
  /// `String` of those bytes).
  mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    let total = utf8.count
    reserve(total + 2)
    storage[count] = UInt8(ascii: "\"")
    count += 1
    var start = 0
    var index = 0
    while index < total {
      let byte = utf8[index]
      if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
        index += 1
        continue
      }
      if index > start { append(UnsafeBufferPointer(rebasing: utf8[start..<index])) }
      escape(byte)
      index += 1
      start = index
    }
    if total > start { append(UnsafeBufferPointer(rebasing: utf8[start..<total])) }
    append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case 0x22: append(UInt8(ascii: "\\"), UInt8(ascii: "\""))
    case 0x5C: append(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
    case 0x08: append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
    case 0x0C: append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
    case 0x0A: append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
    case 0x0D: append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
    case 0x09: append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
    default:
      let hex: StaticString = "0123456789abcdef"
      append("\\u00")
      append(hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)])
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
      append(UInt8(ascii: ":"))
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
