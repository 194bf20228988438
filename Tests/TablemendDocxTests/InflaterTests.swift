import Foundation
import Testing

@testable import TablemendDocx

/// zlib's inflate and CRC-32 as `DocxPackage` calls them, on raw deflate streams built by hand
/// from stored blocks (BFINAL/BTYPE byte, LEN, NLEN, the bytes as they are).
@Suite struct InflaterTests {
  /// One stored block holding `text`, the last of its stream.
  static func storedBlock(_ text: String, final: Bool = true) -> [UInt8] {
    let bytes = Array(text.utf8)
    let n = UInt16(bytes.count)
    return [final ? 0x01 : 0x00, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
      + bytes
  }

  static func inflate(_ stream: [UInt8], span: Range<Int>? = nil, declared: Int, cap: Int)
    throws(Inflater.Failure) -> (data: Data, crc: UInt32)
  {
    let result = stream.withUnsafeBytes { bytes in
      Result { () throws(Inflater.Failure) in
        try Inflater.inflate(bytes, span: span ?? 0..<stream.count, declared: declared, cap: cap)
      }
    }
    return try result.get()
  }

  @Test func inflatesAndChecksTheStandardCRC() throws {
    // "123456789" is the CRC-32 check string: its CRC is 0xCBF43926.
    let out = try Self.inflate(Self.storedBlock("123456789"), declared: 9, cap: 100)
    #expect(String(decoding: out.data, as: UTF8.self) == "123456789")
    #expect(out.crc == 0xCBF4_3926)
  }

  @Test func growsPastAnUnderstatedSizeAndReadsOnlyItsSpan() throws {
    let text = String(repeating: "指标值", count: 100)
    // Two blocks, a declared size of 1, and bytes after the span that must not be read.
    let stream =
      Self.storedBlock(String(text.prefix(150)), final: false)
      + Self.storedBlock(String(text.dropFirst(150))) + [0xFF, 0xFF]
    let out = try Self.inflate(stream, span: 0..<(stream.count - 2), declared: 1, cap: 1 << 20)
    #expect(String(decoding: out.data, as: UTF8.self) == text)
  }

  @Test func stopsOneBytePastTheCap() {
    #expect(throws: Inflater.Failure.self) {
      try Self.inflate(Self.storedBlock("123456789"), declared: 9, cap: 8)
    }
    #expect(throws: Never.self) {
      try Self.inflate(Self.storedBlock("123456789"), declared: 9, cap: 9)
    }
  }

  @Test func streamRunningPastItsSpanIsTruncated() {
    let stream = Self.storedBlock("123456789")
    do {
      _ = try Self.inflate(stream, span: 0..<(stream.count - 3), declared: 9, cap: 100)
      Issue.record("a cut stream inflated")
    } catch {
      guard case .truncated = error else {
        Issue.record("\(error)")
        return
      }
    }
  }

  @Test func reservedBlockTypeIsDamaged() {
    do {
      _ = try Self.inflate([0x07, 0x00, 0x00], declared: 0, cap: 100)
      Issue.record("a reserved block type inflated")
    } catch {
      guard case .damaged(let why) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(why.contains("block type"))
    }
  }
}
