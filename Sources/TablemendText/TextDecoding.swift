import Foundation
import TablemendModel

/// Text decoded from an input's bytes, with the encoding it was read as.
public struct DecodedText: Sendable {
  public var text: String
  /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
  public var encoding: String
  public var diagnostics: [Diagnostic]
}

/// Why bytes could not be read as text.
public struct TextError: Error, Sendable, CustomStringConvertible {
  /// `byte 1234` or `12:5`.
  public var place: String?
  public var message: String

  public init(place: String? = nil, message: String) {
    self.place = place
    self.message = message
  }

  public var description: String { place.map { "\($0): \(message)" } ?? message }
}

/// Detects and decodes the encodings Chinese office systems write.
public enum TextDecoding {
  /// GB18030 as Foundation names it on every platform (GBK bytes decode correctly through it).
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
  /// Big5 (kCFStringEncodingBig5) as Foundation names it.
  static let big5 = String.Encoding(rawValue: 0x8000_0A03)

  /// Names accepted by `forcing`.
  public static let encodingNames = [
    "utf-8", "utf-16", "utf-16le", "utf-16be", "gb18030", "gbk", "gb2312", "big5",
  ]

  /// Decodes `data`, detecting the encoding unless `forcing` names one.
  ///
  /// Detection: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise text with NUL bytes
  /// at one parity only, whose code units read as text, is UTF-16 without BOM; otherwise
  /// bytes whose pairs are Big5's are Big5 (`Big5Guess`); otherwise GB18030 (which covers GBK
  /// and GB2312).
  /// - Throws: `TextError` with the byte offset of the first byte that does not decode.
  public static func decode(_ data: Data, forcing: String? = nil) throws(TextError) -> DecodedText {
    let bytes = [UInt8](data)
    if let forcing {
      return try decode(bytes, as: forcing.lowercased())
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decode(bytes, as: "utf-8") }
    if bytes.starts(with: [0xFF, 0xFE]) { return try decode(bytes, as: "utf-16le") }
    if bytes.starts(with: [0xFE, 0xFF]) { return try decode(bytes, as: "utf-16be") }
    if invalidUTF8Offset(bytes) == nil {
      return try decode(bytes, as: "utf-8")
    }
    if let utf16 = guessUTF16WithoutBOM(bytes) {
      var decoded = try decode(bytes, as: utf16)
      decoded.diagnostics.append(
        Diagnostic(
          .info, "encoding-guessed", "no byte-order mark; read as \(utf16) from its NUL bytes",
          at: nil))
      return decoded
    }
    if Big5Guess.isLikely(bytes), var decoded = try? decode(bytes, as: "big5") {
      decoded.diagnostics.append(
        Diagnostic(
          .info, "encoding-guessed",
          "read as big5 (traditional Chinese): its byte pairs are Big5's, not GB18030's",
          at: nil))
      return decoded
    }
    do {
      return try decode(bytes, as: "gb18030")
    } catch {
      throw TextError(
        place: error.place,
        message: error.message
          + " (tried UTF-8, UTF-16, Big5 and GB18030; name the encoding with --encoding)")
    }
  }

  static func decode(_ bytes: [UInt8], as name: String) throws(TextError) -> DecodedText {
    switch name {
    case "utf-8", "utf8":
      var body = bytes[...]
      var label = "utf-8"
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        body = bytes[3...]
        label = "utf-8-bom"
      }
      if let bad = invalidUTF8Offset(Array(body)) {
        let offset = bad + (bytes.count - body.count)
        throw TextError(place: "byte \(offset)", message: "invalid UTF-8 sequence")
      }
      try rejectNUL(Array(body), offset: bytes.count - body.count)
      return DecodedText(
        text: String(decoding: body, as: UTF8.self), encoding: label, diagnostics: [])
    case "utf-16", "utf16":
      if bytes.starts(with: [0xFE, 0xFF]) { return try decode(bytes, as: "utf-16be") }
      return try decode(bytes, as: "utf-16le")
    case "utf-16le", "utf-16be", "utf16le", "utf16be":
      let little = name.hasSuffix("le")
      var start = 0
      if bytes.count >= 2 {
        let bom: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
        if bytes[0] == bom[0] && bytes[1] == bom[1] { start = 2 }
      }
      if (bytes.count - start) % 2 != 0 {
        throw TextError(
          place: "byte \(bytes.count - 1)", message: "UTF-16 text ends in the middle of a code unit"
        )
      }
      var units = [UInt16]()
      units.reserveCapacity((bytes.count - start) / 2)
      var i = start
      while i + 1 < bytes.count {
        let a = UInt16(bytes[i])
        let b = UInt16(bytes[i + 1])
        units.append(little ? (b << 8 | a) : (a << 8 | b))
        i += 2
      }
      // Validate surrogate pairs so that bad input is an error with its offset, not U+FFFD.
      var k = 0
      while k < units.count {
        let u = units[k]
        if u == 0 {
          throw TextError(place: "byte \(start + 2 * k)", message: "NUL character in text")
        }
        if (0xD800...0xDBFF).contains(u) {
          guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else {
            throw TextError(place: "byte \(start + 2 * k)", message: "unpaired UTF-16 surrogate")
          }
          k += 2
          continue
        }
        if (0xDC00...0xDFFF).contains(u) {
          throw TextError(place: "byte \(start + 2 * k)", message: "unpaired UTF-16 surrogate")
        }
        k += 1
      }
      let text = String(decoding: units, as: UTF16.self)
      return DecodedText(text: text, encoding: little ? "utf-16le" : "utf-16be", diagnostics: [])
    case "gb18030", "gbk", "gb2312", "cp936":
      if let bad = invalidGB18030Offset(bytes) {
        throw TextError(place: "byte \(bad)", message: "invalid or truncated GB18030 sequence")
      }
      try rejectNUL(bytes, offset: 0)
      guard let text = String(data: Data(bytes), encoding: gb18030) else {
        throw TextError(message: "bytes do not decode as GB18030")
      }
      return DecodedText(text: text, encoding: "gb18030", diagnostics: [])
    case "big5", "big-5", "cp950":
      try rejectNUL(bytes, offset: 0)
      guard let text = String(data: Data(bytes), encoding: big5) else {
        throw TextError(message: "bytes do not decode as Big5")
      }
      return DecodedText(text: text, encoding: "big5", diagnostics: [])
    default:
      throw TextError(
        message:
          "unknown encoding '\(name)'; use one of \(encodingNames.joined(separator: ", "))")
    }
  }

  static func rejectNUL(_ bytes: [UInt8], offset: Int) throws(TextError) {
    if let nul = bytes.firstIndex(of: 0) {
      throw TextError(place: "byte \(nul + offset)", message: "NUL byte: this is not a text export")
    }
  }

  /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil.
  public static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED:
        need = 2
        upper = 0x9F
      case 0xF0:
        need = 3
        lower = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        upper = 0x8F
      default: return i
      }
      if i + need >= n { return i }
      let second = bytes[i + 1]
      if second < lower || second > upper { return i }
      var j = 2
      while j <= need {
        let c = bytes[i + j]
        if c < 0x80 || c > 0xBF { return i }
        j += 1
      }
      i += need + 1
    }
    return nil
  }

  /// The offset of the first byte that does not start or continue a GB18030 sequence, or nil.
  public static func invalidGB18030Offset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      guard (0x81...0xFE).contains(b), i + 1 < n else { return i }
      let c = bytes[i + 1]
      if (0x40...0x7E).contains(c) || (0x80...0xFE).contains(c) {
        i += 2
        continue
      }
      guard (0x30...0x39).contains(c), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]),
        (0x30...0x39).contains(bytes[i + 3])
      else { return i }
      i += 4
    }
    return nil
  }

  /// `utf-16le` or `utf-16be` for bytes that read as UTF-16 text without a BOM, else nil.
  /// Text never holds NUL, while UTF-16 has a NUL byte beside every ASCII character (a line
  /// break at least) and in characters such as 一 (U+4E00): a sample with NUL bytes whose code
  /// units, read one way round, are nine in ten ASCII, Latin, CJK, CJK punctuation or
  /// full-width forms is UTF-16 that way round (read the wrong way, about half are). Chinese
  /// text has few ASCII characters, so where the NUL bytes fall is no guide.
  static func guessUTF16WithoutBOM(_ bytes: [UInt8]) -> String? {
    guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
    let sample = bytes.prefix(8192)
    guard sample.contains(0) else { return nil }
    let little = plausibleUnits(sample, little: true)
    let big = plausibleUnits(sample, little: false)
    let units = sample.count / 2
    let best = max(little, big)
    guard best * 10 >= units * 9, little != big else { return nil }
    return little > big ? "utf-16le" : "utf-16be"
  }

  /// How many code units of `sample`, read as UTF-16 in that byte order, are characters that
  /// a Chinese text export holds.
  static func plausibleUnits(_ sample: ArraySlice<UInt8>, little: Bool) -> Int {
    var plausible = 0
    var i = sample.startIndex
    while i + 1 < sample.endIndex {
      let a = UInt16(sample[i])
      let b = UInt16(sample[i + 1])
      switch little ? (b << 8 | a) : (a << 8 | b) {
      case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x2000...0x27FF, 0x3000...0x30FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xD800...0xDFFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFFEF:
        plausible += 1
      default: break
      }
      i += 2
    }
    return plausible
  }
}
