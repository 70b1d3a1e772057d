import { describeCatalogue } from "./catalogue";

describeCatalogue("staging");
