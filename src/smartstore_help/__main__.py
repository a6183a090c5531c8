from smartstore_help.cli.main import main

main()
