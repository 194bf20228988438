import Foundation

enum CompoundFile {
  static func hasSignature(_ data: Data) -> Bool {
    data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  }
  static func workbookStreamName(in data: Data) -> String? { nil }
}
