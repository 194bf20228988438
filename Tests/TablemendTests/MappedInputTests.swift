import Foundation
import Testing

@testable import Tablemend

/// A mapped input reads as the file, before and after its pages are let go, and a workbook
/// converted from its mapping writes the bytes it writes when read.
@Suite struct MappedInputTests {
  func temporaryFile(_ data: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-mapped-\(UUID().uuidString).bin")
    try data.write(to: url)
    return url
  }

  @Test func theMappingReadsAsTheFileAfterItsPagesAreLetGo() throws {
    let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
    let url = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: url) }
    #if os(Linux)
      let input = try #require(MappedInput(path: url.path, minimumSize: 0))
      #expect(input.data == bytes)
      input.release()
      #expect(input.data == bytes)
      var calls = 0
      let digest = Converter.sha256(input.data) {
        calls += 1
        input.release()
      }
      #expect(digest == Converter.sha256(bytes))
      #expect(calls == 1)
    #endif
    // Too small, missing, or a folder: not mapped.
    #expect(MappedInput(path: url.path, minimumSize: 4 << 20) == nil)
    #expect(MappedInput(path: url.path + ".missing", minimumSize: 0) == nil)
    #expect(MappedInput(path: FileManager.default.temporaryDirectory.path, minimumSize: 0) == nil)
  }

  @Test func aWorkbookConvertedFromItsMappingWritesTheSameBytes() throws {
    let file = packageRoot.appendingPathComponent("corpus/sheets/seed-002-project.xlsx")
    let data = try Data(contentsOf: file)
    let expected = try JSONOutput.encode(Converter().convert(data: data, path: file.path))
    #if os(Linux)
      let input = try #require(MappedInput(path: file.path, minimumSize: 0))
      let output = try Converter().convertForOutput(
        data: input.data, path: file.path, keptCells: 4, releaseInput: input.release)
      var written = Data()
      try output.write { written.append(contentsOf: $0) }
      #expect(written == expected)
    #endif
    var fromFile = Data()
    try Converter().convertForOutput(fileAt: file).write { fromFile.append(contentsOf: $0) }
    #expect(fromFile == expected)
  }
}
