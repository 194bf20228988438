import Foundation
import Testing

@testable import TablemendText

/// Encoding detection on the seed exports written in every encoding a bureau's PC writes.
struct TextDecodingTests {
  static let seeds: [URL] = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let folder = url.appendingPathComponent("corpus/seeds")
    return ["000_8ec80c4d32cadcc0.txt", "002_2504e2a5ee8feded.txt"].map {
      folder.appendingPathComponent($0)
    }
  }()

  /// UTF-16 code units of `text`, without a BOM.
  func utf16(_ text: String, little: Bool) -> Data {
    var out = Data()
    for unit in text.utf16 {
      let bytes = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      out.append(contentsOf: little ? bytes : bytes.reversed())
    }
    return out
  }

  @Test(arguments: seeds, [true, false])
  func utf16WithoutBOMIsDetectedOnBothSeeds(seed: URL, little: Bool) throws {
    let text = try String(contentsOf: seed, encoding: .utf8)
    let decoded = try TextDecoding.decode(utf16(text, little: little))
    #expect(decoded.encoding == (little ? "utf-16le" : "utf-16be"))
    #expect(decoded.text == text)
    #expect(decoded.diagnostics.map(\.code) == ["encoding-guessed"])
  }

  @Test(arguments: seeds)
  func gb18030StaysGB18030(seed: URL) throws {
    let text = try String(contentsOf: seed, encoding: .utf8)
    let bytes = try #require(text.data(using: TextDecoding.gb18030))
    let decoded = try TextDecoding.decode(bytes)
    #expect(decoded.encoding == "gb18030")
    #expect(decoded.text == text)
  }

  @Test func traditionalTextInGBKIsNotTakenForBig5() throws {
    let text = String(repeating: "績效目標 產出指標 數量指標 滿意度 ≥95%\n", count: 5)
    let bytes = try #require(text.data(using: TextDecoding.gb18030))
    #expect(try TextDecoding.decode(bytes).encoding == "gb18030")
  }

  @Test func big5IsDetectedAndDecoded() throws {
    let text =
      "一、項目基本情況：本項目用於森林防火，年度目標為全年不發生重大森林火災。\n"
      + "產出指標 數量指標 滅火設備配備率 不低於95% 人員傷亡事故 0人次 公眾知曉度是否明顯提高 是\n"
    let bytes = try #require(text.data(using: TextDecoding.big5))
    let decoded = try TextDecoding.decode(bytes)
    #expect(decoded.encoding == "big5")
    #expect(decoded.text == text)
    #expect(try TextDecoding.decode(bytes, forcing: "big5").text == text)
  }

  @Test func undecodableTextNamesTheEncodingsTried() {
    #expect {
      try TextDecoding.decode(Data([0x41, 0x81, 0x0A, 0x42]))
    } throws: { error in
      let error = error as? TextError
      return error?.place == "byte 1" && error?.message.contains("tried UTF-8, UTF-16") == true
        && error?.message.contains("--encoding") == true
    }
  }

  @Test(
    arguments: [
      ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "a PNG image"),
      ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "a JPEG image"),
      (Array("%PDF-1.7\n%âãÏÓ".utf8), "a PDF document"),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "an OLE2 compound file"),
      (Array("{\\rtf1\\ansi\\ansicpg936 x}".utf8), "an RTF document"),
      (Array("GIF89a....".utf8), "a GIF image"),
      ([0x1F, 0x8B, 0x08, 0], "a gzip archive"),
    ] as [([UInt8], String)])
  func binaryFormatsAreNamed(bytes: [UInt8], name: String) throws {
    let kind = try #require(BinarySniffer.kind(of: bytes))
    #expect(kind.name.hasPrefix(name))
  }

  @Test func textIsNotTakenForABinaryFormat() throws {
    for text in ["BM 项目", "一级指标 | 二级指标", "GIF", "%PD", "项目支出绩效目标表"] {
      #expect(BinarySniffer.kind(of: Array(text.utf8)) == nil, "\(text)")
    }
    let seed = try Data(contentsOf: Self.seeds[0])
    #expect(BinarySniffer.kind(of: seed) == nil)
  }
}
