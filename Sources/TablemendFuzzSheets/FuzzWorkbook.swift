import Foundation
import ZIPFoundation

/// The smallest `.xlsx` package around one worksheet part, its parts deflated (as the reader
/// streams them): the fuzz target reads an input as a worksheet both whole and summarised.
enum FuzzWorkbook {
  /// A package whose one worksheet is `sheet`, with two shared strings and two styles; nil
  /// when ZIPFoundation cannot write it.
  static func xlsx(sheet: Data) -> Data? {
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    func add(_ path: String, _ data: Data) -> Bool {
      (try? archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }) != nil
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    let parts: [(String, String)] = [
      (
        "_rels/.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" "
          + "Target=\"xl/workbook.xml\"/></Relationships>"
      ),
      (
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"表\" sheetId=\"1\" "
          + "r:id=\"r1\"/></sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/worksheet\" "
          + "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"r2\" "
          + "Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"r3\" "
          + "Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
      ),
      (
        "xl/sharedStrings.xml",
        "<sst xmlns=\"\(main)\"><si><t>一级指标</t></si><si><t>甲\n乙</t></si></sst>"
      ),
      (
        "xl/styles.xml",
        "<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
          + "</cellXfs></styleSheet>"
      ),
    ]
    for (path, text) in parts where !add(path, Data(text.utf8)) { return nil }
    guard add("xl/worksheets/sheet1.xml", sheet) else { return nil }
    return archive.data
  }
}
