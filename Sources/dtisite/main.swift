import DTISite

DTISiteCommand.main()
