import Foundation
import Tablemend

@testable import TablemendBatch

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablemend-batch-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `data` at `relative`, creating folders.
  @discardableResult
  func write(_ relative: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> URL {
    try write(relative, Data(text.utf8))
  }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// Names in `relative` (non-recursive), sorted.
  func names(in relative: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(relative).path)
      .sorted()
  }
}

/// A stand-in conversion that reads a tiny line format, so that tests get forms and indicators
/// before the real forms stage exists:
///
///     form project-targets 项目名称=道路养护
///     产出指标|数量指标|养护里程|≥100|公里
///
/// A file starting with `BROKEN` fails with a `ConversionError` at `1:1`.
enum FakeForms {
  static let convert: BatchOptions.Convert = { (data, path) throws(ConversionError) in
    let text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("BROKEN") {
      throw ConversionError(path: path, place: "1:1", message: "broken on purpose")
    }
    var forms: [Form] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let location = Location(line: number + 1, column: 1)
      if line.hasPrefix("form ") {
        let words = line.split(separator: " ").map(String.init)
        var fields: [String: String] = [:]
        for word in words.dropFirst(2) {
          let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
          if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        let kind = Form.Kind(rawValue: words.count > 1 ? words[1] : "") ?? .projectTargets
        forms.append(
          Form(
            kind: kind, title: "项目支出绩效目标表", year: 2021, fields: fields, tables: [],
            location: location))
      } else if line.contains("|"), !forms.isEmpty {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4 else { continue }
        let raw = parts[3]
        var value = Value(raw: raw, kind: .qualitative)
        if raw.hasPrefix("≥"), let number = Double(raw.dropFirst()) {
          value = .comparison(
            raw: raw, op: .greaterOrEqual, value: number, unit: parts.count > 4 ? parts[4] : nil)
        }
        let indicator = Indicator(
          period: "annual", level1: parts[0], level2: parts[1], level3: parts[2], value: value,
          standard: parts.count > 5 ? parts[5] : nil, location: location)
        forms[forms.count - 1].indicators.append(indicator)
      }
    }
    // The real converter's source (hash, encoding), so that documents look like real ones.
    let source =
      (try? Converter().convert(data: data, path: path).source)
      ?? Source(path: path, sha256: "", encoding: "utf-8", dialect: "fake")
    return Document(
      source: source, tables: [], forms: forms,
      diagnostics: [Diagnostic(.info, "fake", "read by the test converter", at: nil)])
  }
}

/// A minimal ZIP writer (stored entries only) for building `.docx` fixtures by hand.
enum StoredZip {
  static func make(_ entries: [(String, Data)]) -> Data {
    var out = Data()
    var central = Data()
    for (name, content) in entries {
      let offset = UInt32(out.count)
      let crc = crc32(content)
      let nameBytes = Data(name.utf8)
      var local = Data()
      local.append(le32(0x0403_4B50))
      local.append(le16(20))
      local.append(le16(0))
      local.append(le16(0))  // stored
      local.append(le16(0))
      local.append(le16(0))
      local.append(le32(crc))
      local.append(le32(UInt32(content.count)))
      local.append(le32(UInt32(content.count)))
      local.append(le16(UInt16(nameBytes.count)))
      local.append(le16(0))
      local.append(nameBytes)
      out.append(local)
      out.append(content)
      var entry = Data()
      entry.append(le32(0x0201_4B50))
      entry.append(le16(20))
      entry.append(le16(20))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le32(crc))
      entry.append(le32(UInt32(content.count)))
      entry.append(le32(UInt32(content.count)))
      entry.append(le16(UInt16(nameBytes.count)))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le16(0))
      entry.append(le32(0))
      entry.append(le32(offset))
      entry.append(nameBytes)
      central.append(entry)
    }
    let centralOffset = UInt32(out.count)
    out.append(central)
    out.append(le32(0x0605_4B50))
    out.append(le16(0))
    out.append(le16(0))
    out.append(le16(UInt16(entries.count)))
    out.append(le16(UInt16(entries.count)))
    out.append(le32(UInt32(central.count)))
    out.append(le32(centralOffset))
    out.append(le16(0))
    return out
  }

  /// A one-table `.docx`.
  static func docx() -> Data {
    let types = """
      <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
      """
    let rels = """
      <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
      """
    let document = """
      <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>道路养护</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>
      """
    return make([
      ("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(rels.utf8)),
      ("word/document.xml", Data(document.utf8)),
    ])
  }

  private static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
  private static func le32(_ v: UInt32) -> Data {
    Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) })
  }

  private static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}

/// Bytes from a fixed-seed generator (SplitMix64), the same on every run.
func pseudoRandomBytes(count: Int, seed: UInt64) -> Data {
  var state = seed
  var out = Data(capacity: count)
  while out.count < count {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    for shift in stride(from: 0, to: 64, by: 8) where out.count < count {
      out.append(UInt8((z >> UInt64(shift)) & 0xFF))
    }
  }
  return out
}
