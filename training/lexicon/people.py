"""Given names and family names by locale. Each entry: locale -> (given names, family names)."""

NAMES = {
    'en_us': (
        'James Mary Robert Patricia Michael Jennifer William Linda David Elizabeth Richard Barbara '
        'Joseph Susan Thomas Jessica Charles Sarah Christopher Karen Daniel Nancy Matthew Lisa '
        'Anthony Betty Mark Sandra Donald Ashley Steven Kimberly Andrew Emily Kenneth Donna Joshua '
        'Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason '
        'Rebecca Edward Laura Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen Nicholas Amy '
        'Eric Shirley Jonathan Angela Larry Anna Justin Brenda Scott Pamela Brandon Nicole Benjamin '
        'Samantha Gregory Katherine Frank Christine Raymond Debra Patrick Rachel Jack Carolyn Dennis '
        'Janet Jerry Maria Tyler Heather Aaron Diane Henry Julie Douglas Joyce Peter Victoria Zachary '
        'Kelly Walter Christina Nathan Lauren Harold Joan Kyle Evelyn Carl Olivia Arthur Judith Gerald '
        'Megan Roger Cheryl Keith Andrea Jeremy Hannah Terry Martha Lawrence Jacqueline Sean Frances '
        'Christian Gloria Albert Ann Austin Teresa Jesse Kathryn Willie Sara Billy Janice Bruce Jean '
        'Ralph Alice Bryan Madison Wayne Doris Roy Abigail Eugene Julia Logan Judy Russell Grace '
        'Bobby Denise Mason Amber Philip Marilyn Louis Beverly Dakota Skyler Jordan Taylor Morgan '
        'Casey Riley Avery Quinn Harper Brooklyn Kayden Jaylen Maddox Paisley Bentley Everly',
        'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas Taylor Moore Jackson '
        'Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill '
        'Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans '
        'Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell '
        'Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders '
        'Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman '
        'Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Cole West Stone Hayes Gibson '
        'Ellis Tucker Porter Hunter Hicks Crawford Boyd Mason Warren Dixon Burns Gordon Shaw Holmes '
        'Rice Black Daniels Palmer Mills Grant Knight Ferguson Rose Hawkins Dunn Perkins Hudson '
        'Spencer Stephens Pierce Webb Olson Weaver Hansen Lambert McCarthy O\'Brien O\'Connor '
        'McDonald MacLeod Fitzgerald Gallagher Kowalczyk Vandermeer Whitfield Ashworth Blackwood'),
    'en_gb_ie': (
        'Oliver Amelia Harry Isla George Ava Noah Mia Jack Ivy Leo Freya Arthur Florence Oscar Poppy '
        'Alfie Rosie Archie Evie Theo Sienna Finley Imogen Rory Niamh Siobhan Aoife Ciaran Padraig '
        'Eoin Saoirse Declan Orla Callum Eilidh Hamish Morag Fraser Catriona Gethin Rhiannon Dafydd '
        'Cerys Owain Bronwen Nigel Gwendolyn Clive Beryl Reginald Mabel Alistair Fenella',
        'Davies Evans Hughes Roberts Lloyd Price Griffiths Jenkins Pritchard Morgan Llewellyn '
        'Murray Fraser Cameron Sinclair Macdonald Henderson Buchanan Ferguson Kerr Doherty Byrne '
        'Kavanagh Quinlan Brennan Nolan Flanagan Donnelly Keane Hennessy Ashcroft Pemberton '
        'Fairweather Thistlewood Birch Hargreaves Ramsbottom Oakley Cartwright Whitmore Sutcliffe'),
    'es': (
        'María José Carmen Antonio Ana Manuel Laura Francisco Lucía Javier Sofía Alejandro Paula '
        'Pablo Marta Diego Elena Sergio Alba Jorge Irene Álvaro Cristina Adrián Raquel Rubén Nuria '
        'Iván Rocío Hugo Inmaculada Gonzalo Pilar Íñigo Begoña Aitor Itziar Xavier Montserrat Jordi '
        'Mercè Guadalupe Ximena Santiago Valentina Mateo Camila Joaquín Florencia Tomás Renata '
        'Emiliano Fernanda Benjamín Catalina Sebastián Daniela Leonardo Mariana Agustín Luciana '
        'Ramón Dolores Esperanza Consuelo Héctor Rigoberto Yolanda Maribel Wilfredo Marisol',
        'García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz '
        'Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez '
        'Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz '
        'Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano '
        'Prieto Méndez Cruz Calvo Gallego Vidal León Herrera Peña Flores Cabrera Campos Vega '
        'Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Montero '
        'Echeverría Goikoetxea Arrieta Zubizarreta Quispe Mamani Villanueva Bustamante Sepúlveda'),
    'pt': (
        'João Maria Ana Pedro Francisca Lucas Beatriz Gabriel Mariana Rafael Leonor Tiago Inês '
        'Gonçalo Matilde Rodrigo Carolina Duarte Letícia Guilherme Larissa Thiago Juliana Felipe '
        'Camila Bruno Fernanda Vinícius Luana Caio Bianca Davi Giovanna Enzo Yasmin Heitor Lorena '
        'Conceição Sebastião Raimundo Antônia Joaquim Fátima Rosângela Cláudio Márcia Wellington',
        'Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes '
        'Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira '
        'Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Raposo Neves Coelho Cruz Cunha '
        'Pires Ramos Reis Simões Antunes Matos Fonseca Machado Araújo Barbosa Nascimento Lima '
        'Azevedo Cavalcanti Magalhães Figueiredo Albuquerque Brandão Siqueira Tavares Quintela'),
    'fr': (
        'Jean Marie Pierre Nathalie Michel Isabelle Philippe Sylvie Alain Catherine Nicolas '
        'Françoise Christophe Valérie Stéphane Sandrine Laurent Céline Frédéric Véronique Sébastien '
        'Aurélie Julien Émilie Mathieu Camille Thibault Chloé Antoine Manon Guillaume Léa Maxime '
        'Inès Benoît Océane Jérôme Élodie Amélie Gaëlle Hervé Brigitte Loïc Solène Yannick Margaux '
        'Gaspard Apolline Anaïs Clémence Raphaël Noémie Timothée Maëlys Étienne Ophélie Cyrille',
        'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent '
        'Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre '
        'Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc '
        'Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez '
        'Fontaine Chevalier Robin Masson Sanchez Boyer Denis Lemaire Duval Joly Gautier Roger '
        'Roche Leclerc Renard Arnaud Brun Barbier Deschamps Lacroix Marchand Picard Beaumont '
        'Desrosiers Tremblay Gagnon Bouchard Côté Pelletier Bélanger Lévesque Ouellet Charbonneau'),
    'de_at_ch': (
        'Hans Ursula Peter Monika Wolfgang Petra Klaus Sabine Jürgen Andrea Thomas Claudia Stefan '
        'Birgit Uwe Katrin Matthias Anja Jörg Susanne Dieter Heike Lukas Lena Jonas Leonie Finn '
        'Hannah Maximilian Marie Felix Johanna Moritz Greta Niklas Frieda Tobias Mathilda Florian '
        'Annika Sebastian Franziska Dominik Theresa Rüdiger Gudrun Siegfried Hildegard Götz Jutta '
        'Reto Ursina Beat Regula Urs Seraina Gottfried Brunhilde Lorenz Wiebke Henrike Malte',
        'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch '
        'Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann '
        'Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann '
        'König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel '
        'Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht '
        'Steiner Gruber Brunner Hofer Pichler Moser Mayr Leitner Egger Wyss Gerber Zürcher '
        'Bachmann Baumgartner Frühwirth Oberhuber Achterberg Eichhorn Grünewald Kretschmer'),
    'it': (
        'Giuseppe Maria Giovanni Anna Antonio Giuseppina Mario Rosa Luigi Angela Francesco Giovanna '
        'Angelo Teresa Vincenzo Lucia Pietro Carmela Salvatore Caterina Carlo Francesca Franco '
        'Antonietta Domenico Carla Bruno Elena Paolo Concetta Michele Rita Giorgio Margherita '
        'Alessandro Chiara Lorenzo Giulia Leonardo Sofia Mattia Aurora Gabriele Ginevra Riccardo '
        'Beatrice Tommaso Alessia Edoardo Martina Niccolò Ludovica Gianluca Federica Ottavio Ilaria',
        'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti '
        'De Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani '
        'Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra '
        'Coppola De Santis D\'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco '
        'Marini Grasso Valentini Messina Sala De Angelis Gatti Pellegrini Palumbo Sanna Farina '
        'Castelnuovo Pellegrino Bellandi Scaramuzza Tagliaferri Quattrocchi Buonarroti Zanetti'),
    'nl_be': (
        'Jan Johanna Pieter Cornelia Hendrik Anna Willem Wilhelmina Dirk Geertje Sander Sanne Daan '
        'Femke Bram Lotte Sem Fleur Thijs Eva Ruben Iris Joost Marloes Maarten Anouk Wouter Ilse '
        'Stijn Lieke Jeroen Marieke Koen Annelies Bart Els Wim Hanneke Floris Roos Jelle Mirjam',
        'de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer de Boer '
        'Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra Smits '
        'de Graaf van der Meer van der Linden Kok Jacobs de Haan Vermeulen van den Heuvel Peeters '
        'Maes Claes Goossens Wouters De Smet Willems Verhoeven Van Damme Vanderstraeten Timmermans'),
    'nordic': (
        'Lars Anna Erik Maria Per Karin Anders Kristina Johan Ingrid Nils Sofia Henrik Elin Magnus '
        'Linnea Olav Astrid Sven Sigrid Bjørn Solveig Jens Mette Søren Freja Mikkel Ida Rasmus '
        'Signe Kasper Ragnhild Håkon Ingeborg Torbjørn Liv Aksel Tuva Eero Aino Juha Tuula Mikko '
        'Sanna Jukka Päivi Ville Kaisa Einar Guðrún Sigurður Hildur Gunnar Þóra Ásgeir Kristín',
        'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson '
        'Pettersson Jonsson Lindberg Lindqvist Bergström Sandberg Hansen Johansen Olsen Larsen '
        'Andersen Pedersen Nielsen Kristiansen Jensen Christensen Sørensen Rasmussen Jørgensen '
        'Madsen Haugen Bakken Solberg Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen '
        'Laine Heikkinen Koskinen Järvinen Lehtonen Jónsson Sigurðardóttir Gunnarsson Magnúsdóttir'),
    'pl_cz_sk': (
        'Piotr Anna Krzysztof Katarzyna Andrzej Małgorzata Tomasz Agnieszka Paweł Barbara Michał '
        'Ewa Marcin Magdalena Jakub Joanna Łukasz Aleksandra Grzegorz Zofia Wojciech Dorota '
        'Mateusz Beata Bartosz Jadwiga Szymon Halina Przemysław Urszula Jiří Jana Petr Eva Josef '
        'Hana Jaroslav Lenka Tomáš Kateřina Miroslav Věra Zdeněk Lucie Ondřej Veronika Radek Alžběta',
        'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański '
        'Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski '
        'Nowakowski Pawłowski Michalski Zając Król Wieczorek Jabłoński Wróbel Majewski Olszewski '
        'Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný Marek '
        'Pospíšil Hájek Jelínek Král Růžička Beneš Fiala Sedláček Doležal Zeman Kolář Krejčí'),
    'ru_ua': (
        'Aleksandr Yelena Sergei Olga Dmitri Tatiana Andrei Natalia Alexei Irina Mikhail Svetlana '
        'Ivan Ekaterina Nikolai Anastasia Vladimir Yulia Pavel Marina Artem Daria Maxim Ksenia Oleg '
        'Ludmila Yuri Galina Viktor Valentina Bohdan Oksana Taras Nadiya Volodymyr Halyna Mykola '
        'Olena Vsevolod Zinaida Arkady Evgenia Gennady Larisa Stanislav Vera Rostislav Polina',
        'Ivanov Smirnova Kuznetsov Popova Sokolov Lebedeva Kozlov Novikova Morozov Petrova Volkov '
        'Solovyova Vasiliev Zaitseva Pavlov Semenova Golubev Vinogradova Bogdanov Vorobyova Fedorov '
        'Mikhailova Belyaev Tarasova Belov Komarova Orlov Kiseleva Makarov Andreeva Shevchenko '
        'Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Lysenko Melnyk '
        'Rudenko Savchenko Moroz Pavlenko Marchenko Kovalchuk Yaroshenko Dovzhenko Hrytsenko'),
    'tr': (
        'Mehmet Ayşe Mustafa Fatma Ahmet Emine Ali Hatice Hüseyin Zeynep Hasan Elif İbrahim Meryem '
        'İsmail Şerife Osman Zehra Yusuf Sultan Murat Hülya Ömer Esra Burak Büşra Emre Merve Cem '
        'Gizem Kaan Ebru Oğuz Özlem Tolga Derya Serkan Gül Barış Dilek Çağlar Nilüfer Eren Ece',
        'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç '
        'Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar '
        'Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gök Karataş Tekin Uysal'),
    'ar': (
        'Mohammed Fatima Ahmed Aisha Ali Maryam Omar Khadija Youssef Zainab Hassan Layla Hussein '
        'Noor Ibrahim Huda Khalid Amira Mahmoud Salma Abdullah Rania Tariq Yasmin Karim Dina Samir '
        'Hala Walid Lina Nabil Reem Faisal Mona Majid Nadia Rashid Samira Bilal Jamila Hamza Leila '
        'Mustafa Souad Adel Farah Ziad Ghada Anas Wafa Abdelaziz Hind Mounir Imane Said Latifa',
        'Al-Sayed Haddad Khoury Nasser Mansour Saleh Hamdan Aziz Farouk Ibrahim Hussain Abdullah '
        'El-Masri Darwish Qasim Rahman Hakim Sabbagh Suleiman Bakr Jaber Khalil Mahfouz Najjar '
        'Barakat Shammas Al-Hashimi Al-Farsi Bin Hamad Benali El Amrani Bennani Ouazzani Tazi '
        'Chraibi Belkacem Bouzid Ait Ahmed Zerrouki Haddadi Al-Qahtani Al-Otaibi Al-Dosari'),
    'fa': (
        'Reza Zahra Ali Fatemeh Mohammad Maryam Hossein Sara Mehdi Narges Amir Parisa Saeed Shirin '
        'Hamid Leila Dariush Roya Babak Azadeh Kian Yasaman Farhad Mahsa Arash Niloufar Kaveh Golnar',
        'Ahmadi Hosseini Karimi Rezaei Moradi Mohammadi Jafari Rahimi Ghorbani Sadeghi Hashemi '
        'Kazemi Rostami Tehrani Shirazi Esfahani Farahani Kamali Najafi Azizi Bagheri Nouri'),
    'in': (
        'Aarav Priya Vihaan Ananya Arjun Diya Sai Aditi Rohan Kavya Rahul Sneha Amit Pooja Vikram '
        'Neha Suresh Lakshmi Rajesh Deepa Sanjay Meera Anil Sunita Karthik Divya Harish Swati '
        'Venkatesh Padma Siddharth Ishaan Anjali Ramesh Geeta Nikhil Shreya Manoj Rekha Gaurav '
        'Bhavna Abhishek Nandini Pranav Tanvi Yash Riya Aniket Shruti Sandeep Madhuri Arnav Ishita '
        'Gurpreet Harpreet Manpreet Jaswinder Balwinder Simran Murugan Selvi Thiruvalluvar Kumari',
        'Sharma Verma Gupta Patel Singh Kumar Reddy Rao Iyer Nair Menon Pillai Joshi Desai Mehta '
        'Shah Chopra Malhotra Kapoor Bhatt Agarwal Banerjee Chatterjee Mukherjee Das Bose Sen Ghosh '
        'Chaudhary Yadav Mishra Pandey Tiwari Dubey Srivastava Saxena Kulkarni Deshpande Patil '
        'Naidu Krishnan Subramanian Venkataraman Raghunathan Gill Sandhu Dhillon Grewal Ahluwalia'),
    'zh': (
        'Wei Fang Li Na Jun Ying Lei Jing Tao Min Hao Xiu Yang Hui Qiang Yan Bo Lan Chen Mei Jian '
        'Ling Ming Xia Peng Juan Gang Hong Yong Ping Xiaoming Xiaohong Zihan Yuxuan Haoran Zixuan '
        'Yichen Jiayi Ruoxi Mingyu Shuang Tingting Junjie Wenjing Zhiwei Xinyi Jiahao Yutong',
        'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng '
        'Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du '
        'Ye Cheng Wei Su Lu Ding Shen Ren Yao Lu Jiang Cui Zhong Tan Lu Wang Fan Jin Shi Liao Jia '
        'Ouyang Sima Zhuge Wong Chan Cheung Leung Ng Ho Lam Tsang Kwok Yip Chau Lau Tse'),
    'ja': (
        'Hiroshi Yuki Takashi Akiko Kenji Keiko Satoshi Naoko Daisuke Tomoko Kazuki Yumi Haruto '
        'Yui Sota Aoi Ren Hina Yuto Sakura Riku Mio Kaito Emi Shota Ayaka Ryo Haruka Takumi Misaki '
        'Kenta Nanami Shinji Mayumi Tetsuya Kaori Hideo Reiko Yoshiro Chiyo Masaru Fumiko',
        'Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida '
        'Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda '
        'Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami '
        'Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto'),
    'ko': (
        'Min-jun Seo-yeon Ji-ho Ha-eun Do-yoon Ji-woo Joon-ho Soo-ah Hyun-woo Ye-jin Sung-min '
        'Eun-ji Jae-won Min-seo Tae-yang Yu-na Dong-hyun Su-bin Kyung-soo Hye-jin Seung-hoon Na-ri',
        'Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon '
        'Hong Yoo Ko Moon Yang Son Bae Baek Heo Nam Sim Noh Ha Kwak Sung Cha Joo Woo'),
    'vi_th_id_ph': (
        'Minh Lan Hung Mai Tuan Huong Duc Thu Quang Linh Nam Ngoc Thanh Hoa Phuong Bao Anh Khanh '
        'Somchai Siriporn Somsak Malee Niran Kanya Anong Prasert Budi Siti Agus Dewi Wayan Putu '
        'Bambang Sri Rizky Ayu Maricel Jun-Jun Rodrigo Jocelyn Mark Anthony Kristine Dondon Ligaya',
        'Nguyen Tran Le Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong '
        'Saetang Srisuk Wongsawat Charoenkul Thongchai Chaiyaporn Santoso Wijaya Hidayat Kusuma '
        'Setiawan Pratama Nugroho Saputra Dela Cruz Reyes Bautista Villanueva Mendoza Ocampo Aquino'),
    'africa': (
        'Chinedu Ngozi Oluwaseun Adaeze Emeka Funmilayo Tunde Chiamaka Kwame Ama Kofi Akosua Yaw '
        'Abena Babajide Yetunde Obinna Ifeoma Segun Folake Uchenna Nneka Kelechi Temitope Femi '
        'Amara Thandiwe Sipho Nomvula Thabo Lindiwe Bongani Zanele Mandla Palesa Tendai Rudo Farai '
        'Chipo Wanjiru Kamau Njeri Otieno Achieng Baraka Zawadi Juma Amani Haile Tigist Dawit '
        'Meseret Abebe Selam Tesfaye Mulugeta Desta Ayodele Olamide Chukwuemeka Nkechi Ebere Ikenna',
        'Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adebayo Ogunleye Chukwu Olawale Obi Nwankwo '
        'Mensah Boateng Asante Owusu Appiah Agyeman Osei Darko Dlamini Nkosi Ndlovu Khumalo Mokoena '
        'Zulu Mahlangu Sithole Moyo Chikwanha Mutasa Kariuki Mwangi Ochieng Wanjala Kiprono '
        'Mutua Njoroge Tadesse Bekele Gebremedhin Wolde Alemu Diallo Traoré Keita Coulibaly '
        'Ndiaye Sow Camara Touré Diop Fofana Ouedraogo Kaboré Sankara Oyelaran Abiodun Fashola'),
    'greek_hebrew': (
        'Giorgos Maria Dimitris Eleni Nikos Katerina Kostas Sofia Yannis Vasiliki Panagiotis '
        'Ioanna Christos Despina Stavros Athena Avraham Sarah Moshe Rivka Yosef Leah David Tamar '
        'Yitzhak Noa Eitan Shira Ariel Yael Uri Maya Doron Hadas Amit Orly Gilad Michal',
        'Papadopoulos Georgiou Nikolaidis Papadakis Konstantinou Ioannou Vlachos Antoniou '
        'Dimitriou Christodoulou Karagiannis Economou Cohen Levi Mizrahi Peretz Biton Dahan '
        'Friedman Avraham Azoulay Katz Shapiro Goldberg Rosenberg Ben-David Ben-Ami Weissman'),
}

# A few names in native scripts (the tokenizer splits CJK into characters).
NATIVE_NAMES = [
    '王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊', '黄丽', '赵军', '周杰', '吴霞', '孙悦', '林峰',
    '佐藤健', '鈴木花子', '高橋一郎', '田中美咲', '山田太郎',
    'Анна Иванова', 'Сергей Петров', 'Дмитрий Смирнов', 'Ольга Кузнецова', 'Олена Шевченко',
    'Γιώργος Παπαδόπουλος', 'Ελένη Γεωργίου', 'محمد علي', 'فاطمة حسن', 'יוסף כהן',
]

TITLES = ['Mr.', 'Mrs.', 'Ms.', 'Miss', 'Dr.', 'Prof.', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Madam',
          'Herr', 'Frau', 'Sr.', 'Sra.', 'M.', 'Mme', 'Dott.', 'Rev.', 'Capt.', 'Sgt.', 'Nurse',
          'Officer', 'Judge', 'Coach', 'Professor', 'Doctor', 'Uncle', 'Aunt', 'Grandma']
SUFFIXES = ['Jr.', 'Sr.', 'III', 'II', 'PhD', 'MD', 'Esq.', 'RN', 'CPA']

# Syllables for invented names, so the model learns context, not a fixed list.
SYLLABLES_ONSET = 'b br c ch d dr f g gr h j k kh l m n p pr r s sh st t th tr v w y z zh'.split()
SYLLABLES_VOWEL = 'a e i o u ai ea ia io ou ae ei y'.split()
SYLLABLES_CODA = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 'th', 'nd', 'rt', 'x', 'sh']


def split_names(seed_salt=7):
    """Split each locale's lists into a training part and an evaluation-only part (every
    fifth name, deterministically), so the evaluation set also measures unseen names."""
    train_first, train_last, eval_first, eval_last = [], [], [], []
    for locale, (firsts, lasts) in sorted(NAMES.items()):
        fs = _tokens(firsts)
        ls = _tokens(lasts)
        for i, n in enumerate(fs):
            (eval_first if (i + seed_salt) % 5 == 0 else train_first).append((n, locale))
        for i, n in enumerate(ls):
            (eval_last if (i + seed_salt) % 5 == 0 else train_last).append((n, locale))
    return train_first, train_last, eval_first, eval_last


# Multi-word family names are written with a non-breaking marker in the lists above only
# where they must stay together; these are recognized here.
_MULTI = ['de Jong', 'de Vries', 'van den Berg', 'van Dijk', 'de Boer', 'de Groot', 'de Wit',
          'de Graaf', 'van der Meer', 'van der Linden', 'de Haan', 'van den Heuvel', 'De Smet',
          'Van Damme', 'van Leeuwen', 'De Luca', 'De Santis', 'De Angelis', 'Bin Hamad', 'El Amrani',
          'Ait Ahmed', 'Dela Cruz', 'Mark Anthony']


def _tokens(s):
    for m in _MULTI:
        s = s.replace(m, m.replace(' ', '\u0001'))
    return [w.replace('\u0001', ' ') for w in s.split()]
