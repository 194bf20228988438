@_exported import TablemendModel
